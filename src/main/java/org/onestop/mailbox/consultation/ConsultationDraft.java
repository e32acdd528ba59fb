package org.onestop.mailbox.consultation;

import java.time.Instant;

/** A draft's wording and window, cleaned and checked (see {@link DraftRequest#validated}). */
record ConsultationDraft(String title, String summary, String text, Instant opensAt, Instant closesAt) {
}
