package org.onestop.disclosure;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Document numbers (文号) such as 青政发〔2014〕12号. People type the year brackets in many ways
 * (〔〕, [], ［］, （）, 【】) and with stray spaces, so look-up compares a normalised key.
 */
final class DocumentNumbers {

    /** An issuing-organ abbreviation, a bracketed year and a serial: how every 文号 is written. */
    private static final Pattern SHAPE = Pattern.compile(
            "^\\p{IsHan}[\\p{IsHan}A-Za-z]{0,19}[\\[(](?:19|20)\\d{2}[\\])]\\d{1,5}号?$");

    private DocumentNumbers() {
    }

    /** The comparison key of a document number; null for null or blank. */
    static String key(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String s = Normalizer.normalize(number, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        s = s.replaceAll("[〔［【\\[（(]", "[").replaceAll("[〕］】\\]）)]", "]");
        return s.endsWith("号") ? s : s + "号";
    }

    /** Whether a search text is a document number rather than words, e.g. {@code 青政发〔2014〕12号}. */
    static boolean looksLikeNumber(String text) {
        String key = key(text);
        return key != null && key.length() <= 64 && SHAPE.matcher(key).matches();
    }
}
