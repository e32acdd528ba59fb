package org.onestop.mygov.subscriptions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.onestop.platform.CityTime;

/** The digest period an item found at some instant falls in: a city day, or an ISO week from Monday. */
record Periods(String period, Instant end) {

    static Periods of(Frequency frequency, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, CityTime.ZONE);
        return switch (frequency) {
            case DAILY -> new Periods(day.toString(), day.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant());
            case WEEKLY -> new Periods(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                    day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(CityTime.ZONE).toInstant());
            case IMMEDIATE -> throw new IllegalArgumentException("immediate items have no period");
        };
    }
}
