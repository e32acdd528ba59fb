package org.onestop.mailbox;

import org.onestop.web.ProblemException;

/**
 * Staff's manual redaction of a published text. Staff send the text back with more characters
 * replaced by a star; it is accepted only when it is the current text, code point by code point,
 * except where a character became ＊ (or *). So a redaction can only take information away: it
 * cannot add, reorder or reword, and it cannot undo a mask (a star never turns back into text).
 */
final class Redaction {

    /** The mark staff use; the masker's ASCII star is accepted as the same. */
    static final int MARK = '＊';

    private Redaction() {
    }

    /**
     * The redacted text, or the current one when {@code proposed} is null (nothing more to redact);
     * a 400 naming the field when the proposal does more than replace characters with stars.
     */
    static String apply(String field, String current, String proposed) {
        if (proposed == null || current == null) {
            return current;
        }
        int[] was = current.codePoints().toArray();
        int[] now = proposed.codePoints().toArray();
        if (was.length != now.length) {
            throw ProblemException.invalid(field, "redaction_adds_text");
        }
        for (int i = 0; i < was.length; i++) {
            if (was[i] != now[i] && now[i] != MARK && now[i] != '*') {
                throw ProblemException.invalid(field, "redaction_adds_text");
            }
        }
        return proposed;
    }

    /** How many characters the proposal starred beyond the current text, for the audit entry. */
    static int starred(String current, String redacted) {
        if (current == null) {
            return 0;
        }
        int[] was = current.codePoints().toArray();
        int[] now = redacted.codePoints().toArray();
        int count = 0;
        for (int i = 0; i < was.length; i++) {
            count += was[i] != now[i] ? 1 : 0;
        }
        return count;
    }
}
