package org.onestop.privacy;

/** The masking styles shared by several finders. */
final class Masks {

    static final char STAR = '*';

    private Masks() {
    }

    static String stars(int count) {
        return String.valueOf(STAR).repeat(count);
    }

    /**
     * Keeps the first {@code head} and last {@code tail} characters of an ASCII value and stars the
     * rest, the customary style for card and document numbers (6222********0128).
     */
    static String keepEnds(String ascii, int head, int tail) {
        return ascii.substring(0, head) + stars(ascii.length() - head - tail)
                + ascii.substring(ascii.length() - tail);
    }
}
