package org.onestop;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid, unique test identities, computed here independently of the main code's validators:
 * resident ID numbers (GB 11643, ISO 7064 MOD 11-2) and unified social credit codes (GB 32100).
 */
public final class Identities {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CODE_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final AtomicInteger sequence = new AtomicInteger();

    private Identities() {
    }

    /** A valid ID number of someone from 市南区 (370202), unique within this JVM. */
    public static String idNumber() {
        int n = sequence.incrementAndGet();
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(n * 37L % 9000);
        String body = "370202" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return body + idCheck(body);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return idNumber.substring(0, 17) + wrong;
    }

    public static char idCheck(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** A valid credit code of a company registered in 市南区, unique within this JVM. */
    public static String creditCode() {
        int n = sequence.incrementAndGet();
        String body = "91370202" + String.format("MA%07d", n);
        return body + codeCheck(body);
    }

    public static char codeCheck(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CODE_ALPHABET.indexOf(body17.charAt(i)) * CODE_WEIGHTS[i];
        }
        return CODE_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A unique mainland mobile number. */
    public static String mobile() {
        return String.format("139%08d", sequence.incrementAndGet());
    }
}
