package org.onestop.mygov.subscriptions;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription follows; its target is a record type code, a department id, a category code or a dataset name. */
public enum TargetKind {
    RECORD("record"),
    DISCLOSURE_DEPARTMENT("disclosure_department"),
    DISCLOSURE_CATEGORY("disclosure_category"),
    DATASET("dataset"),
    LIVE_SESSIONS("live_sessions");

    private final String code;

    TargetKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TargetKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
