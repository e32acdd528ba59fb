package org.onestop.platform.calendar;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of the working-day calendar. */
@Repository
class CalendarStore {

    // One statement per read, so a snapshot never mixes a year's old days with its new ones.
    private static final String SELECT = """
            SELECT y.year, y.note, y.updated_at, d.day, d.kind, d.name
            FROM calendar_year y LEFT JOIN calendar_day d ON d.year = y.year
            """;

    private final DatabaseClient db;
    private final Clock clock;

    CalendarStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every published year with its special days. */
    Mono<WorkingCalendar> calendar() {
        return db.sql(SELECT).map(CalendarStore::row).all().collectList().map(rows -> {
            List<SpecialDay> days = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            for (Row row : rows) {
                years.add(row.year());
                if (row.day() != null) {
                    days.add(row.day());
                }
            }
            return WorkingCalendar.of(days, years);
        });
    }

    /** The stored year with its days in date order; empty when the year is not published. */
    Mono<CalendarYearView> year(int year) {
        return db.sql(SELECT + " WHERE y.year = :year ORDER BY d.day").bind("year", year)
                .map(CalendarStore::row).all().collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> new CalendarYearView(year, true, rows.getFirst().note(), rows.getFirst().updatedAt(),
                        rows.stream().filter(r -> r.day() != null).map(r -> CalendarYearView.Day.of(r.day())).toList()));
    }

    /** Creates or updates the year's row; inside a transaction this also locks the year against other edits. */
    Mono<Void> upsertYear(int year, String note, long actor) {
        return db.sql("""
                INSERT INTO calendar_year (year, note, updated_by, updated_at) VALUES (:year, :note, :actor, :now)
                ON CONFLICT (year) DO UPDATE SET note = EXCLUDED.note, updated_by = EXCLUDED.updated_by,
                                                 updated_at = EXCLUDED.updated_at""")
                .bind("year", year)
                .bind("note", note)
                .bind("actor", actor)
                .bind("now", clock.instant())
                .then();
    }

    /** Removes the year's special days and returns them, for the audit trail. */
    Flux<SpecialDay> deleteDays(int year) {
        return db.sql("DELETE FROM calendar_day WHERE year = :year RETURNING day, kind, name")
                .bind("year", year)
                .map(CalendarStore::day)
                .all()
                .sort(Comparator.comparing(SpecialDay::date));
    }

    Mono<Void> insertDays(int year, List<SpecialDay> days) {
        return Flux.fromIterable(days)
                .concatMap(day -> db.sql("""
                                INSERT INTO calendar_day (day, year, kind, name) VALUES (:day, :year, :kind, :name)""")
                        .bind("day", day.date())
                        .bind("year", year)
                        .bind("kind", day.kind().code())
                        .bind("name", day.name())
                        .then())
                .then();
    }

    /** Deletes the year's row, and with it any days left; whether there was one. */
    Mono<Boolean> deleteYear(int year) {
        return db.sql("DELETE FROM calendar_year WHERE year = :year").bind("year", year)
                .fetch().rowsUpdated().map(count -> count > 0);
    }

    private record Row(int year, String note, Instant updatedAt, SpecialDay day) {
    }

    private static Row row(Readable row) {
        return new Row(row.get("year", Integer.class), row.get("note", String.class), row.get("updated_at", Instant.class),
                row.get("day", LocalDate.class) == null ? null : day(row));
    }

    private static SpecialDay day(Readable row) {
        return new SpecialDay(row.get("day", LocalDate.class), DayKind.fromCode(row.get("kind", String.class)),
                row.get("name", String.class));
    }
}
