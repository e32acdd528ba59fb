package org.onestop.web;

import java.text.Normalizer;

/**
 * User-written plain text as the portal stores it: Unicode NFC (so the same Chinese text typed on
 * different systems compares equal), trimmed, and free of control and invisible format characters
 * that could hide content from moderators or forge text direction.
 */
public final class PlainText {

    private PlainText() {
    }

    /** NFC-normalised and trimmed; null stays null. */
    public static String clean(String value) {
        return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
    }

    /** Whether the text holds control characters (line breaks excepted) or format characters such as RTL marks. */
    public static boolean hasHiddenCharacters(String value, boolean allowLineBreaks) {
        return value.codePoints().anyMatch(cp -> {
            int type = Character.getType(cp);
            if (allowLineBreaks && (cp == '\n' || cp == '\r' || cp == '\t')) {
                return false;
            }
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE;
        });
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
