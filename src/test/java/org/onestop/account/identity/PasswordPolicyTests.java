package org.onestop.account.identity;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.onestop.account.identity.PasswordPolicy.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyTests {

    private static final String STRONG = "kV9#qLm2xP";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void checkWhenStrongThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check(STRONG, "zhangsan"));
    }

    @Test
    void checkWhenNoUsernameThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check(STRONG, null));
    }

    @Test
    void checkWhenSevenCharactersThenTooShort() {
        assertEquals(Optional.of(Problem.TOO_SHORT), this.policy.check("kV9#qLm", null));
    }

    @Test
    void checkWhenEmptyThenTooShort() {
        assertEquals(Optional.of(Problem.TOO_SHORT), this.policy.check("", null));
    }

    @Test
    void checkWhenEightCharactersThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check("kV9#qLm2", null));
    }

    @Test
    void checkWhenSevenSupplementaryCodePointsThenTooShort() {
        // 14 UTF-16 chars but only 7 characters as the user sees them.
        String password = "😀🐼🍜🚄🎋🧧🏮";
        assertEquals(14, password.length());
        assertEquals(Optional.of(Problem.TOO_SHORT), this.policy.check(password, null));
    }

    @Test
    void checkWhenEightChineseCharactersThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check("春眠不觉晓处闻啼", null));
    }

    @Test
    void checkWhen128CharactersThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check(longPassword(128), null));
    }

    @Test
    void checkWhen129CharactersThenTooLong() {
        assertEquals(Optional.of(Problem.TOO_LONG), this.policy.check(longPassword(129), null));
    }

    @Test
    void checkWhen128SupplementaryCodePointsThenNoProblem() {
        String password = "😀🐼".repeat(64);
        assertEquals(256, password.length());
        assertEquals(Optional.empty(), this.policy.check(password, null));
    }

    @Test
    void checkWhenOnListThenCommon() {
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("password1", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("1qaz2wsx", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("iloveyou", null));
    }

    @Test
    void checkWhenOnListInDifferentCaseThenCommon() {
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("PassWord1", null));
    }

    @Test
    void checkWhenCommonAmongChineseUsersThenCommon() {
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("woaini1314", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("qq123456", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("a123456789", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("147258369", null));
    }

    @Test
    void checkWhenOneRepeatedCharacterThenCommon() {
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("zzzzzzzzzzzz", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("啊啊啊啊啊啊啊啊", null));
    }

    @Test
    void checkWhenAscendingRunThenCommon() {
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("23456789", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("cdefghijklm", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("CDEFGHIJ", null));
    }

    @Test
    void checkWhenDescendingRunThenCommon() {
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("98765432", null));
        assertEquals(Optional.of(Problem.COMMON), this.policy.check("zyxwvuts", null));
    }

    @Test
    void checkWhenRunBrokenOnceThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check("cdefghik", null));
    }

    @Test
    void checkWhenEqualToUsernameThenContainsUsername() {
        assertEquals(Optional.of(Problem.CONTAINS_USERNAME), this.policy.check("lixiaolong88", "LiXiaolong88"));
    }

    @Test
    void checkWhenContainsUsernameIgnoringCaseThenContainsUsername() {
        assertEquals(Optional.of(Problem.CONTAINS_USERNAME), this.policy.check("Zhangsan!kV9#q", "zhangsan"));
    }

    @Test
    void checkWhenContainsShortUsernameThenNoProblem() {
        assertEquals(Optional.empty(), this.policy.check("kV9#qLm2li", "li"));
    }

    @Test
    void checkWhenContainsThreeCharacterUsernameThenContainsUsername() {
        assertEquals(Optional.of(Problem.CONTAINS_USERNAME), this.policy.check("kV9#qLm2wEi", "wei"));
    }

    @Test
    void checkWhenNullPasswordThenThrows() {
        assertThrows(NullPointerException.class, () -> this.policy.check(null, "zhangsan"));
    }

    @Test
    void checkWhenSharedBetweenThreadsThenSameResults() throws Exception {
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            Future<?>[] futures = new Future<?>[64];
            for (int i = 0; i < futures.length; i++) {
                futures[i] = executor.submit(() -> {
                    assertEquals(Optional.of(Problem.COMMON), this.policy.check("password1", null));
                    assertEquals(Optional.empty(), this.policy.check(STRONG, null));
                });
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }

    private static String longPassword(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(STRONG.charAt(i % STRONG.length())).append(i % 10);
        }
        return password.substring(0, length);
    }

}
