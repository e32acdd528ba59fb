package org.onestop.platform.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.onestop.platform.CityTime;

/**
 * Which days the city's offices work, as an immutable snapshot: Monday to Friday, except the
 * special days of the published years (weekday holidays off, adjusted weekends worked). A year
 * with no published schedule is plain Monday to Friday; {@link #isPublished(int)} tells callers
 * when an answer is only that estimate.
 *
 * <p>Deadlines follow Chinese practice: administrative periods are counted in working days (e.g.
 * 行政许可法 art. 82, 政府信息公开条例 art. 33), the day a period starts is not counted (民法典
 * art. 201), and the last day ends at 24:00 (民法典 art. 203). So a deadline of n working days
 * falls on the n-th working day after the day of receipt, and receipt on a weekend or holiday
 * makes the first following working day day 1. Rules that deem such a receipt to happen on the
 * next working day instead first move the date with {@link #firstWorkingDayFrom(LocalDate)}.
 */
public record WorkingCalendar(NavigableMap<LocalDate, SpecialDay> specialDays, Set<Integer> publishedYears) {

    /** A bound on one count, so a mistaken argument cannot spin a thread through centuries of days. */
    public static final int MAX_WORKING_DAYS = 1000;

    /** No published year at all: every year is plain Monday to Friday. */
    public static final WorkingCalendar MONDAY_TO_FRIDAY = of(List.of(), List.of());

    public WorkingCalendar {
        specialDays = Collections.unmodifiableNavigableMap(new TreeMap<>(specialDays));
        publishedYears = Collections.unmodifiableSet(new TreeSet<>(publishedYears));
    }

    public static WorkingCalendar of(Collection<SpecialDay> days, Collection<Integer> publishedYears) {
        NavigableMap<LocalDate, SpecialDay> byDate = new TreeMap<>();
        for (SpecialDay day : days) {
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException("Two entries for " + day.date());
            }
        }
        return new WorkingCalendar(byDate, Set.copyOf(publishedYears));
    }

    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    /** Whether every year from {@code from} to {@code to} has a published schedule. */
    public boolean isPublished(LocalDate from, LocalDate to) {
        for (int year = Math.min(from.getYear(), to.getYear()); year <= Math.max(from.getYear(), to.getYear()); year++) {
            if (!isPublished(year)) {
                return false;
            }
        }
        return true;
    }

    public boolean isWorkingDay(LocalDate day) {
        SpecialDay special = specialDays.get(day);
        return special != null ? special.kind() == DayKind.WORKDAY : isWeekday(day);
    }

    /** The special days of one year in date order; empty for an unpublished year. */
    public List<SpecialDay> daysOf(int year) {
        return List.copyOf(specialDays.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    /**
     * The due date of a deadline of {@code n} working days for something received on
     * {@code start}: the n-th working day after it (the day of receipt is not counted). For n = 0
     * (matters settled on the spot, 当场办结) it is the day of receipt itself.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0 || n > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("Working days must be 0 to " + MAX_WORKING_DAYS + ", not " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The working days after {@code from} up to and including {@code to}: the days a deadline
     * started on {@code from} has used by the end of {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}. Negative when {@code to} is
     * before {@code from}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        // Counted without walking every day: weekdays by arithmetic, then each special day corrects it.
        long count = weekdaysThrough(to) - weekdaysThrough(from);
        for (SpecialDay special : specialDays.subMap(from, false, to, true).values()) {
            count += (special.kind() == DayKind.WORKDAY ? 1 : 0) - (isWeekday(special.date()) ? 1 : 0);
        }
        return Math.toIntExact(count);
    }

    /** The day itself when it is a working day, otherwise the next working day. */
    public LocalDate firstWorkingDayFrom(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /**
     * When a deadline of {@code n} working days for something received at {@code received} runs
     * out: the end of the due day in city time. The receipt's date is its date in the city, so a
     * letter sent at 23:30 Beijing time is received that day whatever the server's zone.
     */
    public ZonedDateTime deadline(Instant received, int n) {
        return endOfDay(addWorkingDays(receivedOn(received), n));
    }

    /** The city date of an instant. */
    public static LocalDate receivedOn(Instant instant) {
        return instant.atZone(CityTime.ZONE).toLocalDate();
    }

    /**
     * The end of a day in city time, as the midnight that starts the next day: an act is on time
     * when it happens strictly before this instant.
     */
    public static ZonedDateTime endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CityTime.ZONE);
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
    }

    /** Mondays to Fridays from Monday 1969-12-29 through {@code day}; only differences are meaningful. */
    private static long weekdaysThrough(LocalDate day) {
        long days = day.toEpochDay() + 3 + 1;
        return 5 * Math.floorDiv(days, 7) + Math.min(Math.floorMod(days, 7), 5);
    }
}
