package org.onestop.mygov.subscriptions;

import java.util.Arrays;
import java.util.Optional;

/** How often a subscriber hears of new items: each at once, or in one digest per day or week. */
enum Frequency {
    IMMEDIATE("immediate"),
    DAILY("daily"),
    WEEKLY("weekly");

    private final String code;

    Frequency(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<Frequency> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
