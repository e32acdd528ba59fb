package org.onestop.mailbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.onestop.platform.CityTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The statistics of mailbox letters, grouped in PostgreSQL by month received, responsible
 * department and kind, with every roll-up (per month, per department, per kind, overall) in the
 * same pass via GROUPING SETS.
 *
 * <p>Working days come from the city's {@code WorkingCalendar}, not from SQL: the caller passes
 * each day of the range with its running working-day number, so the working days from receipt to
 * reply are one subtraction per letter ({@code index(replied) - index(received)}) and the calendar's
 * rules live in one place. The array is a few hundred days per year of range.
 */
@Repository
class StatisticsStore {

    private final DatabaseClient db;

    StatisticsStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The letters received in [from, to), narrowed to a department and kind when given. The
     * responsible department is the one that replied, else the lead, else the department written to;
     * none for letters still with the city office.
     */
    record Query(Instant from, Instant to, Long departmentId, LetterKind kind, LocalDate[] days, Integer[] dayIndex) {
    }

    /**
     * One group. {@code byMonth}, {@code byDepartment}, {@code byKind} say which dimensions the row
     * is grouped by (all three: a detail row; none: the total). Sums, not averages, so that callers
     * and tests divide the same way.
     */
    record Group(boolean byMonth, boolean byDepartment, boolean byKind, String month, Long departmentId, String kind,
            long received, long replied, long onTime, long handled, long handlingDays, long rated, long satisfactionSum) {
    }

    Flux<Group> groups(Query q) {
        var spec = db.sql("""
                WITH days AS (
                    SELECT * FROM unnest(CAST(:days AS date[]), CAST(:dayIndex AS int[])) AS d(day, idx)
                ), letters AS (
                    SELECT to_char(l.received_at AT TIME ZONE :zone, 'YYYY-MM') AS month,
                           COALESCE(l.reply_department_id, l.lead_department_id, l.mailbox_department_id) AS department_id,
                           l.kind,
                           CAST(l.received_at AT TIME ZONE :zone AS date) AS received_on,
                           CAST(l.replied_at AT TIME ZONE :zone AS date) AS replied_on,
                           l.reply_due_on, l.satisfaction
                    FROM mailbox_letter l
                    WHERE l.channel = 'mailbox' AND l.received_at >= :from AND l.received_at < :to
                      AND (CAST(:kind AS varchar) IS NULL OR l.kind = :kind)
                      AND (CAST(:department AS bigint) IS NULL
                           OR COALESCE(l.reply_department_id, l.lead_department_id, l.mailbox_department_id) = :department)
                )
                SELECT GROUPING(month) = 0 AS by_month, GROUPING(department_id) = 0 AS by_department,
                       GROUPING(kind) = 0 AS by_kind, month, department_id, kind,
                       count(*) AS received,
                       count(replied_on) AS replied,
                       count(*) FILTER (WHERE replied_on <= reply_due_on) AS on_time,
                       count(rd.idx - rc.idx) AS handled,
                       COALESCE(sum(rd.idx - rc.idx), 0) AS handling_days,
                       count(satisfaction) AS rated,
                       COALESCE(sum(satisfaction), 0) AS satisfaction_sum
                FROM letters
                LEFT JOIN days rc ON rc.day = letters.received_on
                LEFT JOIN days rd ON rd.day = letters.replied_on
                GROUP BY GROUPING SETS ((month, department_id, kind), (month), (department_id), (kind), ())
                ORDER BY by_month DESC, by_department DESC, by_kind DESC, month, department_id NULLS FIRST, kind""")
                .bind("days", q.days()).bind("dayIndex", q.dayIndex()).bind("zone", CityTime.ZONE.getId())
                .bind("from", q.from()).bind("to", q.to());
        spec = q.kind() == null ? spec.bindNull("kind", String.class) : spec.bind("kind", q.kind().code());
        spec = q.departmentId() == null ? spec.bindNull("department", Long.class) : spec.bind("department", q.departmentId());
        return spec.map(StatisticsStore::group).all();
    }

    private static Group group(Readable r) {
        return new Group(Boolean.TRUE.equals(r.get("by_month", Boolean.class)), Boolean.TRUE.equals(r.get("by_department", Boolean.class)),
                Boolean.TRUE.equals(r.get("by_kind", Boolean.class)), r.get("month", String.class), r.get("department_id", Long.class),
                r.get("kind", String.class), number(r, "received"), number(r, "replied"), number(r, "on_time"), number(r, "handled"),
                number(r, "handling_days"), number(r, "rated"), number(r, "satisfaction_sum"));
    }

    private static long number(Readable r, String column) {
        Number n = r.get(column, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
