package org.onestop.opendata;

import java.time.Period;

/** How often a dataset is promised to be updated; the period decides when an update is overdue. */
public enum Frequency {
    DAILY("daily", "每日", Period.ofDays(1), "DAILY"),
    WEEKLY("weekly", "每周", Period.ofWeeks(1), "WEEKLY"),
    MONTHLY("monthly", "每月", Period.ofMonths(1), "MONTHLY"),
    QUARTERLY("quarterly", "每季度", Period.ofMonths(3), "QUARTERLY"),
    ANNUAL("annual", "每年", Period.ofYears(1), "ANNUAL"),
    IRREGULAR("irregular", "不定期", null, "IRREG");

    private final String code;
    private final String nameZh;
    private final Period period;
    private final String euCode;

    Frequency(String code, String nameZh, Period period, String euCode) {
        this.code = code;
        this.nameZh = nameZh;
        this.period = period;
        this.euCode = euCode;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The promised interval between updates, or null when none is promised. */
    public Period period() {
        return period;
    }

    /** The code in the EU frequency vocabulary (publications.europa.eu/resource/authority/frequency). */
    public String euCode() {
        return euCode;
    }

    public static Frequency fromCode(String code) {
        for (Frequency f : values()) {
            if (f.code.equals(code)) {
                return f;
            }
        }
        return null;
    }
}
