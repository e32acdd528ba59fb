package org.onestop.account.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Validation, normalisation and masking of the 18-character mainland China resident identity
 * number (公民身份号码) as defined by GB 11643-1999.
 * <p>
 * The number is a 6-digit administrative division code, an 8-digit birth date ({@code yyyyMMdd}),
 * a 3-digit sequence code and a check character computed with ISO 7064 MOD 11-2. {@link #check}
 * reports which rule failed so that the caller can tell the user exactly what to correct.
 * <p>
 * Only the 18-character form is accepted; the 15-character form issued before 1999 has not been
 * valid for identification since the first-generation cards expired.
 */
public final class ResidentIdNumber {

    /** The rule a resident identity number breaks, in the order the rules are checked. */
    public enum Problem {
        /** Not 17 ASCII digits followed by a digit or {@code X}. */
        FORMAT,
        /** The first two digits are not a province-level division code. */
        REGION,
        /** Positions 7–14 are not a real date between 1900-01-01 and today. */
        BIRTH_DATE,
        /** The check character does not match ISO 7064 MOD 11-2 over the first 17 digits. */
        CHECK_DIGIT
    }

    static final int LENGTH = 18;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private static final String CHECK_CHARACTERS = "10X98765432";

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private ResidentIdNumber() {
    }

    /**
     * Checks a resident identity number.
     * @param value the number as entered; surrounding white space and a lower-case {@code x}
     * are tolerated, {@code null} is reported as {@link Problem#FORMAT}
     * @param today the current date in China, passed in so the birth-date rule is testable
     * @return the first rule the number breaks, or empty when it is valid
     */
    public static Optional<Problem> check(String value, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (value == null) {
            return Optional.of(Problem.FORMAT);
        }
        String number = normalise(value);
        if (!hasValidFormat(number)) {
            return Optional.of(Problem.FORMAT);
        }
        if (!hasValidRegion(number)) {
            return Optional.of(Problem.REGION);
        }
        if (!hasValidBirthDate(number, today)) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (number.charAt(LENGTH - 1) != checkCharacter(number.substring(0, LENGTH - 1))) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    /**
     * Returns the canonical form stored and compared by the application: no surrounding white
     * space and an upper-case {@code X}, so that one person cannot register twice by typing the
     * check character in a different case.
     * @param value the number as entered
     * @return the normalised number, not necessarily valid
     */
    public static String normalise(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Masks a number for display or logging, keeping the first 4 and last 4 characters: enough
     * for the holder to recognise their own number while hiding the county and birth date.
     * @param value a number that at least passes the {@link Problem#FORMAT} rule
     * @return the masked number, for example {@code 1101**********002X}
     * @throws IllegalArgumentException if the value does not have the format of a number, so
     * that a malformed value is never echoed back unmasked
     */
    public static String mask(String value) {
        String number = normalise(value);
        if (!hasValidFormat(number)) {
            throw new IllegalArgumentException("Not a resident identity number");
        }
        return number.substring(0, 4) + "*".repeat(LENGTH - 8) + number.substring(LENGTH - 4);
    }

    /**
     * Computes the ISO 7064 MOD 11-2 check character for the first 17 digits.
     * @param body 17 ASCII digits
     * @return {@code 0}–{@code 9} or {@code X}
     */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean hasValidFormat(String number) {
        if (number.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH - 1; i++) {
            // Not Character.isDigit: it accepts full-width and other scripts' digits.
            if (!isAsciiDigit(number.charAt(i))) {
                return false;
            }
        }
        char last = number.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X';
    }

    private static boolean hasValidRegion(String number) {
        int province = Integer.parseInt(number, 0, 2, 10);
        return (province >= 11 && province <= 15)
                || (province >= 21 && province <= 23)
                || (province >= 31 && province <= 37)
                || (province >= 41 && province <= 46)
                || (province >= 50 && province <= 54)
                || (province >= 61 && province <= 65)
                // Taiwan, Hong Kong, Macao; 83 also appears on residence permits for Taiwan residents.
                || province == 71 || province == 81 || province == 82 || province == 83;
    }

    private static boolean hasValidBirthDate(String number, LocalDate today) {
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(number, 6, 10, 10),
                    Integer.parseInt(number, 10, 12, 10), Integer.parseInt(number, 12, 14, 10));
        }
        catch (DateTimeException ex) {
            return false;
        }
        return !birthDate.isBefore(EARLIEST_BIRTH_DATE) && !birthDate.isAfter(today);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
