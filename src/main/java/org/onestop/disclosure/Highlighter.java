package org.onestop.disclosure;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highlighted titles and snippets of search hits as HTML: every character of the document is
 * escaped, and only the {@code <mark>} elements around query terms are markup, so a page may
 * insert them as HTML without trusting document text.
 */
final class Highlighter {

    static final int SNIPPET_LENGTH = 160;
    private static final int LEAD = 40;

    private final Pattern terms;

    Highlighter(List<String> queryTerms) {
        this.terms = queryTerms.isEmpty() ? null : Pattern.compile(queryTerms.stream().distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The whole text, escaped, with its matches marked. */
    String mark(String text) {
        if (text == null) {
            return null;
        }
        if (terms == null) {
            return escape(text);
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        Matcher m = terms.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(escape(text.substring(last, m.start()))).append("<mark>")
                    .append(escape(m.group())).append("</mark>");
            last = m.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    /** About {@value #SNIPPET_LENGTH} characters around the first match (the opening when none), marked. */
    String snippet(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        int first = 0;
        if (terms != null) {
            Matcher m = terms.matcher(flat);
            if (m.find()) {
                first = m.start();
            }
        }
        int start = Math.max(0, first - LEAD);
        int end = Math.min(flat.length(), start + SNIPPET_LENGTH);
        // Never cut a character outside the Basic Multilingual Plane in half.
        if (start > 0 && Character.isLowSurrogate(flat.charAt(start))) {
            start--;
        }
        if (end < flat.length() && Character.isLowSurrogate(flat.charAt(end))) {
            end++;
        }
        return (start > 0 ? "…" : "") + mark(flat.substring(start, end)) + (end < flat.length() ? "…" : "");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
