package org.onestop.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The city's civil time: dates on ID cards, deadlines and session schedules are China Standard Time. */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
