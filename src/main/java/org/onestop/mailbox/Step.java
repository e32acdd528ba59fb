package org.onestop.mailbox;

import java.util.Locale;

/** The step whose clock runs on an open case; each has its own working-day deadline. */
enum Step {
    ACCEPT, DISPATCH, REPLY;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Step fromCode(String code) {
        return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
