package org.onestop.platform.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One date that departs from Monday to Friday, with the festival it belongs to, e.g. 春节. */
public record SpecialDay(LocalDate date, DayKind kind, String name) {

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
