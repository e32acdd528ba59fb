package org.onestop.inquiry.calendar;

/**
 * RFC 5545 content-line rules that are easy to get subtly wrong: TEXT escaping (section 3.3.11) and
 * folding at 75 octets (section 3.1). Calendar clients reject or garble feeds that break them,
 * and Chinese text breaks a character-counting implementation at once.
 */
final class ContentLine {

    static final String CRLF = "\r\n";

    private static final int MAX_OCTETS = 75;

    private ContentLine() {
    }

    static String escapeText(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    // A CRLF pair is one line break, not two.
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Folds one logical line into physical lines of at most 75 octets each, CRLF not counted.
     * The leading space of a continuation line counts towards its 75; breaks fall only between
     * code points, so no UTF-8 sequence or surrogate pair is ever cut in two.
     */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 16);
        int octets = 0;
        int index = 0;
        while (index < line.length()) {
            int codePoint = line.codePointAt(index);
            int width = utf8Octets(codePoint);
            if (octets + width > MAX_OCTETS) {
                folded.append(CRLF).append(' ');
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += width;
            index += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint < 0x10000) {
            // A lone surrogate is encoded as a one-octet '?'; overcounting it only folds a little early.
            return 3;
        }
        return 4;
    }
}
