package org.onestop.inquiry.screening;

import java.util.List;

/**
 * What the sensitive-word filter found in one question, so that the caller can decide between
 * publishing, holding for a moderator, or rejecting.
 *
 * <p>Both lists hold dictionary words (as the administrators wrote them), not the spans of the
 * question, so a moderator sees a recognisable entry even when the writer disguised it.
 *
 * @param flagged words that let the question through but call for a moderator's attention
 * @param blocked words that reject the question outright
 */
public record Screening(List<String> flagged, List<String> blocked) {

    public Screening {
        flagged = List.copyOf(flagged);
        blocked = List.copyOf(blocked);
    }

    public boolean isBlocked() {
        return !blocked.isEmpty();
    }
}
