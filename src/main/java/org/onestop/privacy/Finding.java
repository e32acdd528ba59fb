package org.onestop.privacy;

import java.util.Objects;

/**
 * One piece of personal data found in a text.
 * <p>
 * The raw value is deliberately not kept, so that a finding can be logged or shown to an official
 * without repeating what was masked; {@code original.substring(start, end)} recovers it for a caller
 * that holds the original text.
 *
 * @param kind what was found
 * @param start the {@code char} index in the original text where the value starts; never inside a
 * surrogate pair
 * @param end the {@code char} index just after the value
 */
public record Finding(PersonalDataKind kind, int start, int end) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("Empty or negative span " + start + ".." + end);
        }
    }
}
