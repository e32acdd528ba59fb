package org.onestop.platform.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One year of the calendar as the API shows it. An unpublished year has no days, no note and no
 * update time: its working days are plain Monday to Friday. Absent values are sent as null, so
 * clients see every field of the contract.
 */
public record CalendarYearView(int year, boolean published, String note, Instant updatedAt, List<Day> days) {

    /** A special day: kind is {@code holiday} (a weekday off) or {@code workday} (a weekend worked). */
    public record Day(LocalDate date, String kind, String name) {

        static Day of(SpecialDay day) {
            return new Day(day.date(), day.kind().code(), day.name());
        }
    }

    static CalendarYearView unpublished(int year) {
        return new CalendarYearView(year, false, null, null, List.of());
    }
}
