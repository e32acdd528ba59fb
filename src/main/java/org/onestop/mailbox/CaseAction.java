package org.onestop.mailbox;

import java.util.Locale;

/**
 * The steps staff take on a case, and the writer's on their own. {@link CaseAccess} says who takes
 * each and in which state of the case; the case views list those the current user may take now
 * ({@code allowedActions}), so pages do not repeat the rules.
 */
enum CaseAction {
    ACCEPT, NOT_ACCEPT, DISPATCH, TRANSFER_BACK, REQUEST_INFORMATION, REPLY, OPINION, NOTE, SUPERVISE, PUBLISH, REDACT,
    UNPUBLISH,
    /** The writer's: answering a request for more information, rating the reply, reopening it once. */
    SUPPLEMENT, RATE, REOPEN;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
