package org.onestop.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * A text seen as code points, for the finders that reason about characters rather than patterns.
 * Counting in code points is what keeps a rare name character such as 𪚥 (outside the Basic
 * Multilingual Plane, two {@code char}s) one character of a name, masked by one star.
 *
 * @param points the code points
 * @param offsets the {@code char} index where each code point starts, plus the text's length at
 * the end, so that code point ranges convert back to {@code String} indexes
 */
record CodePointText(int[] points, int[] offsets) {

    static CodePointText of(String text) {
        int[] points = text.codePoints().toArray();
        int[] offsets = new int[points.length + 1];
        for (int i = 0; i < points.length; i++) {
            offsets[i + 1] = offsets[i] + Character.charCount(points[i]);
        }
        return new CodePointText(points, offsets);
    }

    int length() {
        return points.length;
    }

    /** The code point at {@code index}, or -1 outside the text, so that callers need no bounds checks. */
    int at(int index) {
        return index >= 0 && index < points.length ? points[index] : -1;
    }

    boolean startsWith(int[] word, int index) {
        if (index < 0 || index + word.length > points.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (points[index + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    List<Integer> indexesOf(int[] word) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i + word.length <= points.length; i++) {
            if (startsWith(word, i)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    static boolean isHan(int codePoint) {
        return codePoint >= 0 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
