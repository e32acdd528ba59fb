package org.onestop.privacy;

/**
 * A candidate finding with the text that replaces it, as the finders propose it before overlaps
 * between finders are resolved.
 */
record Span(PersonalDataKind kind, int start, int end, String replacement) {

    int length() {
        return end - start;
    }

    Finding finding() {
        return new Finding(kind, start, end);
    }
}
