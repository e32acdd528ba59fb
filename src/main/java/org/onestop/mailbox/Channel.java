package org.onestop.mailbox;

import java.util.Locale;

/**
 * How a case came to the mailbox: a letter to a mailbox (政府信箱), or an online petition
 * (网上信访), which has its own statutory clock ({@link PetitionProperties}), is never published
 * and is left out of the public statistics.
 */
enum Channel {
    MAILBOX, PETITION;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel for a code, or null when the code names none. */
    static Channel fromCode(String code) {
        for (Channel channel : values()) {
            if (channel.code().equals(code)) {
                return channel;
            }
        }
        return null;
    }
}
