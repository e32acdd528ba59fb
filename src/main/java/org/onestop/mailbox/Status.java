package org.onestop.mailbox;

import java.util.Locale;

/**
 * Where a letter is. received → (accepted →) handling ⇄ awaiting_writer → replied → closed, or
 * received → not_accepted; a reopened reply goes back to handling, a transfer back to the city
 * office goes back to accepted (or, at a department's triage, to the office's received queue).
 */
enum Status {
    /** Waiting for triage: the city office, or the department whose mailbox it was written to. */
    RECEIVED,
    /** Accepted by the city office, waiting to be dispatched. */
    ACCEPTED,
    /** With the lead department (and co-handlers). */
    HANDLING,
    /** The lead department asked the writer for more information; the reply clock is paused. */
    AWAITING_WRITER,
    /** Replied; the writer may rate it (and reopen once) within the rating window. */
    REPLIED,
    NOT_ACCEPTED,
    CLOSED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Status fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
