package org.onestop.inquiry.screening;

import java.text.Normalizer;

/**
 * The form in which both dictionary words and questions are compared. Applying the same
 * transformation to both sides is what makes spaced-out, full-width or punctuated spellings of a
 * word still match it.
 *
 * <p>Traditional characters are deliberately not folded to simplified ones: that needs a
 * conversion table and is out of scope here; administrators can list both spellings instead.
 */
final class MatchingForm {

    private MatchingForm() {
    }

    static String of(String text) {
        // NFKC first, so that full-width letters and digits become ASCII before lower-casing.
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(composed.length());
        composed.codePoints()
                .filter(codePoint -> !isFiller(codePoint))
                .map(Character::toLowerCase)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Characters a writer can slip between the letters of a word without changing how it reads. */
    private static boolean isFiller(int codePoint) {
        if (Character.isWhitespace(codePoint) || isZeroWidth(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    // These are format characters (Cf), not separators, so the category test above misses them.
    private static boolean isZeroWidth(int codePoint) {
        return (codePoint >= 0x200B && codePoint <= 0x200F) || codePoint == 0x2060 || codePoint == 0xFEFF;
    }
}
