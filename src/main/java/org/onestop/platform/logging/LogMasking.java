package org.onestop.platform.logging;

import java.util.regex.Pattern;
import org.onestop.privacy.PersonalDataMasker;

/**
 * Masks personal data (ID numbers, phone numbers, addresses, names, bank cards, e-mails) and
 * passwords in a log line, whoever wrote it: our code, a framework logging a decoded request record
 * at DEBUG ("LoginRequest[username=.., password=..]"), or a database error quoting the duplicate
 * key. Lines that cannot hold any are passed through untouched, which is nearly all of them.
 */
final class LogMasking {

    private static final Pattern MAY_HOLD_PERSONAL_DATA = Pattern.compile("\\d{4}|@|\\p{IsHan}|(?i)pass");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|passwd)(\"?\\s*[=:]\\s*\"?)[^,\\s\\])}\"]+");

    private LogMasking() {
    }

    static String mask(String line) {
        if (line == null || line.isEmpty() || !MAY_HOLD_PERSONAL_DATA.matcher(line).find()) {
            return line;
        }
        try {
            return PersonalDataMasker.mask(PASSWORD.matcher(line).replaceAll("$1$2******")).text();
        } catch (RuntimeException e) {
            // A log line must never be lost, nor leak: say that one was withheld.
            return "[log line withheld: personal data masking failed: " + e.getClass().getSimpleName() + "]";
        }
    }
}
