package org.onestop.platform.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The working-day calendar for every feature that counts deadlines in working days, e.g.
 * {@code workingDays.dueDate(receivedOn, 20)} for a reply due in 20 working days. See
 * {@link WorkingCalendar} for how days are counted.
 *
 * <p>The calendar is read from PostgreSQL once and kept in memory, because deadlines are computed
 * on many requests and the data changes about once a year. An edit on this node replaces the copy
 * at once; other nodes reload within {@link #REFRESH}, a short staleness that is harmless for data
 * published weeks before it applies.
 */
@Service
public class WorkingDays {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    static final Duration REFRESH = Duration.ofMinutes(1);

    private final CalendarStore store;
    private final AtomicReference<Mono<WorkingCalendar>> current = new AtomicReference<>();

    WorkingDays(CalendarStore store) {
        this.store = store;
        current.set(load());
    }

    /** The current calendar, loaded on first use and reloaded after {@link #REFRESH} or an edit. */
    public Mono<WorkingCalendar> calendar() {
        return current.get();
    }

    /** The n-th working day after the day of receipt (the receipt day itself when n is 0). */
    public Mono<LocalDate> dueDate(LocalDate received, int workingDays) {
        return calendar().map(c -> c.addWorkingDays(received, workingDays));
    }

    /** The end, in city time, of the due day of something received at this instant. */
    public Mono<ZonedDateTime> deadline(Instant received, int workingDays) {
        return calendar().map(c -> c.deadline(received, workingDays));
    }

    public Mono<Boolean> isWorkingDay(LocalDate day) {
        return calendar().map(c -> c.isWorkingDay(day));
    }

    /** Working days after {@code from} up to and including {@code to}, e.g. how many of a deadline are used. */
    public Mono<Integer> workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar().map(c -> c.workingDaysBetween(from, to));
    }

    /** One year as stored: its special days, or unpublished when it has none. */
    public Mono<CalendarYearView> year(int year) {
        return store.year(year).defaultIfEmpty(CalendarYearView.unpublished(year));
    }

    /** Drops this node's copy so the next use reads the edited calendar; call it after the edit commits. */
    void refresh() {
        current.set(load());
    }

    /** Refuses a year outside the range the calendar can hold. */
    static void checkYear(String field, int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            // Years are passed as text so that messages do not print them with a thousands separator.
            throw ProblemException.invalid(field, "calendar.year", String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
        }
    }

    private Mono<WorkingCalendar> load() {
        // A failed load is not kept: the next caller tries the database again.
        return store.calendar().cache(calendar -> REFRESH, error -> Duration.ZERO, () -> Duration.ZERO);
    }
}
