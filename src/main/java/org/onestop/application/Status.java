package org.onestop.application;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an application stands. Supplement requested stops the clock until the applicant resubmits. */
enum Status {
    DRAFT("草稿"), SUBMITTED("已提交"), ACCEPTED("已受理"), SUPPLEMENT_REQUESTED("待补正"), APPROVED("审批通过"),
    REJECTED("不予批准"), COMPLETED("已办结");

    private final String zh;

    Status(String zh) {
        this.zh = zh;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String zh() {
        return zh;
    }

    /** Waiting for the department, so its due date can pass. */
    boolean running() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    static Status of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    static Optional<Status> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
