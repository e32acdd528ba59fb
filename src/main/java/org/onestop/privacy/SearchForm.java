package org.onestop.privacy;

import java.util.regex.Pattern;

/**
 * A text as the finders search it: {@code original} as written, and {@code folded}, in which
 * full-width ASCII (１３８, ＠, （）), odd spaces and dashes are replaced by their plain ASCII
 * counterparts one {@code char} for one {@code char}.
 * <p>
 * Because the folding never changes the length, an index found in {@code folded} is the same
 * index in {@code original}; that is what lets the findings point at the original spans without a
 * position map. Characters outside the Basic Multilingual Plane are left alone, so surrogate pairs
 * stay intact.
 */
record SearchForm(String original, String folded) {

    /** What people type between groups of digits: 138 1234 5678, 138-1234-5678. */
    private static final Pattern SEPARATORS = Pattern.compile("[ -]");

    static SearchForm of(String original) {
        char[] chars = original.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new SearchForm(original, new String(chars));
    }

    /** The digits (and a trailing {@code X}) of a folded number as typed, without its separators. */
    static String withoutSeparators(String folded) {
        return SEPARATORS.matcher(folded).replaceAll("");
    }

    private static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        // Zero-width characters become spaces rather than disappearing, which would shift every
        // index after them; as spaces they still count as separators inside a number.
        if (c == '\u3000' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200D') || c == '\u202F'
                || c == '\u2060' || c == '\uFEFF') {
            return ' ';
        }
        if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63') {
            return '-';
        }
        return c;
    }
}
