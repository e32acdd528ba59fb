package org.onestop.platform.calendar;

import java.util.Locale;

/** How a special day departs from the Monday-to-Friday week. */
public enum DayKind {
    /** A weekday that is a day off (法定节假日 or a day off moved by 调休). */
    HOLIDAY,
    /** A Saturday or Sunday that is worked (调休上班). */
    WORKDAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a stored or submitted code, or null when the code is neither. */
    public static DayKind fromCode(String code) {
        for (DayKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
