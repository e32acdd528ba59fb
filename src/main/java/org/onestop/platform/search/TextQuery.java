package org.onestop.platform.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search text split into terms and turned into a {@code tsquery} literal built from tokens
 * only, so quotes, operators ({@code & | ! ( ) : *}), emoji or any other user text can never
 * reach the tsquery parser. It mirrors the SQL function {@code disclosure_tokens} (V10), which
 * the disclosure documents and the service catalogue both index with: a run of
 * CJK ideographs must have all of its character bigrams in the document (one character: any
 * bigram starting with it, or the run-final unigram); a Latin word or number must appear as a
 * word. All bigrams rather than their phrase: the GIN index answers an AND exactly, while a
 * phrase must be rechecked against every candidate's full vector (V20), and the bigrams of one
 * word almost never occur apart.
 *
 * @param terms the runs and words of the query in order, as typed (for highlighting)
 * @param tsquery the literal for {@code CAST(:q AS tsquery)}, or null when nothing searchable remains
 * @param ideographs the literal of the CJK runs alone, or null when there are none
 * @param words the Latin words and numbers alone, space-separated (for an English-stemmed
 *     {@code plainto_tsquery}), or null when there are none
 */
public record TextQuery(List<String> terms, String tsquery, String ideographs, String words) {

    /** Enough for any real query; more bigrams only slow the index look-up without adding precision. */
    public static final int MAX_TOKENS = 48;

    // The same classes as the SQL: CJK unified ideographs (basic, extension A, extensions B-G) and ASCII letters/digits.
    private static final Pattern TERM = Pattern.compile(
            "([\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{20000}-\\x{3134F}]+)|([A-Za-z0-9]+)");
    private static final Pattern NEEDS_FOLDING = Pattern.compile(
            "[\\x{F900}-\\x{FAFF}\\x{FF10}-\\x{FF19}\\x{FF21}-\\x{FF3A}\\x{FF41}-\\x{FF5A}]");

    public static TextQuery parse(String text) {
        if (text == null) {
            return new TextQuery(List.of(), null, null, null);
        }
        String folded = NEEDS_FOLDING.matcher(text).find() ? Normalizer.normalize(text, Normalizer.Form.NFKC) : text;
        List<String> terms = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        List<String> cjkParts = new ArrayList<>();
        List<String> latin = new ArrayList<>();
        int tokens = 0;
        Matcher m = TERM.matcher(folded);
        while (m.find() && tokens < MAX_TOKENS) {
            if (m.group(1) != null) {
                int[] chars = m.group(1).codePoints().toArray();
                if (chars.length == 1) {
                    cjkParts.add(quote(Character.toString(chars[0])) + ":*");
                    tokens++;
                } else {
                    List<String> bigrams = new ArrayList<>();
                    for (int i = 0; i + 1 < chars.length && tokens < MAX_TOKENS; i++, tokens++) {
                        bigrams.add(quote(Character.toString(chars[i]) + Character.toString(chars[i + 1])));
                    }
                    cjkParts.add(bigrams.size() == 1 ? bigrams.getFirst() : "(" + String.join(" & ", bigrams) + ")");
                }
                parts.add(cjkParts.getLast());
                terms.add(m.group(1));
            } else {
                String word = m.group(2).toLowerCase(java.util.Locale.ROOT);
                parts.add(quote(word));
                latin.add(word);
                terms.add(word);
                tokens++;
            }
        }
        return new TextQuery(List.copyOf(terms), joined(parts), joined(cjkParts), latin.isEmpty() ? null : String.join(" ", latin));
    }

    public boolean isEmpty() {
        return tsquery == null;
    }

    private static String joined(List<String> parts) {
        return parts.isEmpty() ? null : String.join(" & ", parts);
    }

    /** A tsquery lexeme in quotes; the terms hold only letters and digits, but quoting is the rule anyway. */
    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
