package org.onestop.account.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalisation and masking of mainland China mobile numbers: 11 digits starting with {@code 1}
 * and a second digit from {@code 3} to {@code 9}, the ranges allocated to mobile networks by
 * the Ministry of Industry and Information Technology numbering plan.
 * <p>
 * Numbers are stored without the {@code +86} country code because the portal only sends SMS to
 * mainland numbers, and one number must not be registrable twice in different notations.
 */
public final class MainlandMobile {

    private static final Pattern NUMBER = Pattern.compile("1[3-9][0-9]{9}");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private static final int LENGTH = 11;

    private MainlandMobile() {
    }

    /**
     * Normalises a mobile number as entered to its 11 digits.
     * @param value the number, optionally with a {@code +86} or {@code 86} prefix and with spaces
     * or hyphens anywhere, for example {@code +86 138-1234-5678}
     * @return the 11 digits, or empty when the value is {@code null} or not a mainland mobile
     * number
     */
    public static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String number = SEPARATORS.matcher(value).replaceAll("");
        // A bare 86 is only taken as the country code when it makes the length right, so that it
        // is never mistaken for part of the subscriber number.
        if (number.startsWith("+86")) {
            number = number.substring(3);
        }
        else if (number.startsWith("86") && number.length() == LENGTH + 2) {
            number = number.substring(2);
        }
        return NUMBER.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }

    /**
     * Masks a mobile number for display or logging, keeping the network prefix and the last four
     * digits that users recognise, for example {@code 138****5678}.
     * @param value a number accepted by {@link #normalise(String)}
     * @return the masked 11-character number
     * @throws IllegalArgumentException if the value is not a mainland mobile number, so that a
     * malformed value is never echoed back unmasked
     */
    public static String mask(String value) {
        String number = normalise(value)
            .orElseThrow(() -> new IllegalArgumentException("Not a mainland mobile number"));
        return number.substring(0, 3) + "****" + number.substring(LENGTH - 4);
    }

}
