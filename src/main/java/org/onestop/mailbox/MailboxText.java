package org.onestop.mailbox;

import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;

/** The checks of text that writers and staff send: plain text of a bounded length in code points. */
final class MailboxText {

    private MailboxText() {
    }

    /** The cleaned text, or a 400 naming the field: required, {@code size} (1 to max) or hidden characters. */
    static String required(String field, String raw, int max, boolean lineBreaks) {
        String text = PlainText.clean(raw);
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid(field, "required");
        }
        return checked(field, text, max, lineBreaks);
    }

    /** The cleaned text, or null when absent or blank. */
    static String optional(String field, String raw, int max, boolean lineBreaks) {
        String text = PlainText.clean(raw);
        return text == null || text.isEmpty() ? null : checked(field, text, max, lineBreaks);
    }

    private static String checked(String field, String text, int max, boolean lineBreaks) {
        if (PlainText.length(text) > max) {
            throw ProblemException.invalid(field, "size", 1, max);
        }
        if (PlainText.hasHiddenCharacters(text, lineBreaks)) {
            throw ProblemException.invalid(field, "hidden_characters");
        }
        return text;
    }
}
