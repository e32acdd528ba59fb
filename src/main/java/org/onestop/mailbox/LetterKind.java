package org.onestop.mailbox;

import java.util.Locale;

/** What a letter is: 咨询, 求助, 建议, 批评, 投诉. */
enum LetterKind {
    CONSULTATION, HELP, SUGGESTION, CRITICISM, COMPLAINT;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a code, or null when the code names none. */
    static LetterKind fromCode(String code) {
        for (LetterKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
