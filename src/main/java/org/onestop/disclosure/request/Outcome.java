package org.onestop.disclosure.request;

import java.util.Arrays;

/**
 * How a request was answered (政府信息公开条例 art. 36). Partial disclosure and refusal must name
 * the legal ground of what is withheld (art. 36(3), art. 37).
 */
enum Outcome {
    DISCLOSED("disclosed", false),
    PARTIALLY_DISCLOSED("partially_disclosed", true),
    NOT_HELD("not_held", false),
    REFUSED("refused", true);

    private final String code;
    private final boolean needsGround;

    Outcome(String code, boolean needsGround) {
        this.code = code;
        this.needsGround = needsGround;
    }

    String code() {
        return code;
    }

    boolean needsGround() {
        return needsGround;
    }

    /** Whether information is handed over, so an electronic delivery needs files. */
    boolean deliversInformation() {
        return this == DISCLOSED || this == PARTIALLY_DISCLOSED;
    }

    static Outcome fromCode(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst().orElse(null);
    }
}
