package org.onestop.account.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Validation and normalisation of the 18-character unified social credit code (统一社会信用代码)
 * of legal persons and other organisations, as defined by GB 32100-2015.
 * <p>
 * The code is a registration authority code, an institution type code, a 6-digit administrative
 * division code, a 9-character organisation code and a check character, all drawn from a
 * 31-character alphabet that leaves out {@code I}, {@code O}, {@code S}, {@code V} and {@code Z}
 * because they are easily confused with digits or other letters.
 * <p>
 * The combination of registration authority and institution type is deliberately not checked
 * against the standard's table: authorities and types have been added since 2015, so a
 * hard-coded table would reject genuine codes, while typing mistakes are caught by the check
 * character.
 */
public final class CreditCode {

    /** The rule a credit code breaks, in the order the rules are checked. */
    public enum Problem {
        /** Wrong length, a character outside the alphabet, or a non-digit in the division code. */
        FORMAT,
        /** The check character does not match the first 17 characters. */
        CHECK_CHARACTER
    }

    static final int LENGTH = 18;

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final int DIVISION_CODE_START = 2;

    private static final int DIVISION_CODE_END = 8;

    private CreditCode() {
    }

    /**
     * Checks a unified social credit code.
     * @param value the code as entered; surrounding white space and lower-case letters are
     * tolerated, {@code null} is reported as {@link Problem#FORMAT}
     * @return the first rule the code breaks, or empty when it is valid
     */
    public static Optional<Problem> check(String value) {
        if (value == null) {
            return Optional.of(Problem.FORMAT);
        }
        String code = normalise(value);
        if (!hasValidFormat(code)) {
            return Optional.of(Problem.FORMAT);
        }
        if (code.charAt(LENGTH - 1) != checkCharacter(code.substring(0, LENGTH - 1))) {
            return Optional.of(Problem.CHECK_CHARACTER);
        }
        return Optional.empty();
    }

    /**
     * Returns the canonical form stored and compared by the application: no surrounding white
     * space and upper-case letters, the form printed on business licences.
     * @param value the code as entered
     * @return the normalised code, not necessarily valid
     */
    public static String normalise(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Returns the value unchanged. Credit codes identify organisations, not people, and are
     * published on business licences and in the National Enterprise Credit Information
     * Publicity System, so hiding part of one protects nothing; this method exists so callers can
     * treat every identifier the same way.
     * @param value the code
     * @return the same code
     */
    public static String mask(String value) {
        return Objects.requireNonNull(value, "value");
    }

    /**
     * Computes the check character for the first 17 characters.
     * @param body 17 characters from {@link #ALPHABET}
     * @return a character from {@link #ALPHABET}
     */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt((check == 31) ? 0 : check);
    }

    private static boolean hasValidFormat(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            boolean inDivisionCode = i >= DIVISION_CODE_START && i < DIVISION_CODE_END;
            if (inDivisionCode ? (c < '0' || c > '9') : ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

}
