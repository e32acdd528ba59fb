package org.onestop.account.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules for portal accounts, following the approach of NIST SP 800-63B section 5.1.1.2
 * rather than composition rules: a minimum length, a generous maximum so pass phrases fit, and a
 * block list of passwords known to be common or easily guessed.
 * <p>
 * The block list is loaded once from the classpath resource {@code /org/onestop/account/identity/common-passwords.txt} (one
 * password per line, UTF-8, lines starting with {@code #} ignored). Instances are immutable and
 * safe to share between threads, so a single instance should be created and reused.
 */
public final class PasswordPolicy {

    /** The rule a password breaks, in the order the rules are checked. */
    public enum Problem {
        /** Fewer than 8 characters (Unicode code points). */
        TOO_SHORT,
        /** More than 128 characters (Unicode code points). */
        TOO_LONG,
        /** On the common password list, one repeated character, or a run such as {@code 12345678}. */
        COMMON,
        /** Equal to or containing the username. */
        CONTAINS_USERNAME
    }

    static final String COMMON_PASSWORDS = "/org/onestop/account/identity/common-passwords.txt";

    static final int MIN_LENGTH = 8;

    static final int MAX_LENGTH = 128;

    // Shorter usernames such as "li" occur inside too many good passwords to be worth rejecting.
    private static final int MIN_USERNAME_LENGTH = 3;

    private final Set<String> commonPasswords;

    /**
     * Creates a policy, reading the common password list from the classpath.
     * @throws IllegalStateException if the list is missing from the classpath
     * @throws UncheckedIOException if the list cannot be read
     */
    public PasswordPolicy() {
        this.commonPasswords = loadCommonPasswords();
    }

    /**
     * Checks a password a user wants to set.
     * @param password the new password
     * @param username the account's username, or {@code null} if it has none yet
     * @return the first rule the password breaks, or empty when it is acceptable
     */
    public Optional<Problem> check(String password, String username) {
        Objects.requireNonNull(password, "password");
        // Code points, not chars, so that a password of Chinese characters or emoji outside the
        // Basic Multilingual Plane is measured the way the user sees it.
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        String lowerCasePassword = password.toLowerCase(Locale.ROOT);
        if (this.commonPasswords.contains(lowerCasePassword) || isRepeatOrRun(lowerCasePassword)) {
            return Optional.of(Problem.COMMON);
        }
        if (containsUsername(lowerCasePassword, username)) {
            return Optional.of(Problem.CONTAINS_USERNAME);
        }
        return Optional.empty();
    }

    private static boolean containsUsername(String lowerCasePassword, String username) {
        if (username == null) {
            return false;
        }
        String name = username.strip();
        if (name.codePointCount(0, name.length()) < MIN_USERNAME_LENGTH) {
            return false;
        }
        return lowerCasePassword.contains(name.toLowerCase(Locale.ROOT));
    }

    // Catches "aaaaaaaa", "12345678", "abcdefgh", "87654321" of any length without listing them all.
    private static boolean isRepeatOrRun(String password) {
        int[] codePoints = password.codePoints().toArray();
        int step = codePoints[1] - codePoints[0];
        if (Math.abs(step) > 1) {
            return false;
        }
        for (int i = 2; i < codePoints.length; i++) {
            if (codePoints[i] - codePoints[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> loadCommonPasswords() {
        InputStream stream = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
        if (stream == null) {
            throw new IllegalStateException("Classpath resource " + COMMON_PASSWORDS + " not found");
        }
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String password = line.strip();
                if (!password.isEmpty() && !password.startsWith("#")) {
                    passwords.add(password.toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Failed to read " + COMMON_PASSWORDS, ex);
        }
        return Set.copyOf(passwords);
    }

}
