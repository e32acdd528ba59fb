package org.onestop.privacy;

import java.util.List;
import java.util.Objects;

/**
 * A text with its personal data masked, and where that data was in the original.
 *
 * @param text the masked text, safe to publish or log
 * @param findings what was masked, in the order of the original text, with offsets into the
 * original (the masked text may be shorter or longer, because separators and prefixes are
 * normalised away)
 */
public record MaskedText(String text, List<Finding> findings) {

    public MaskedText {
        Objects.requireNonNull(text, "text");
        findings = List.copyOf(findings);
    }
}
