package org.onestop.account.identity;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.onestop.account.identity.CreditCode.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CreditCodeTests {

    // Commonly cited example. By hand: weighted sum 1640, 1640 mod 31 = 28, 31 - 28 = 3.
    private static final String VALID = "91350100M000100Y43";

    @Test
    void checkWhenCommonlyCitedExampleThenNoProblem() {
        assertEquals(Optional.empty(), CreditCode.check(VALID));
    }

    @Test
    void checkCharacterWhenCommonlyCitedExampleThenThree() {
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
    }

    @Test
    void checkWhenRemainderZeroThenCheckCharacterZero() {
        // Weighted sum is a multiple of 31, so 31 - 0 = 31 wraps to 0.
        assertEquals('0', CreditCode.checkCharacter("91110108000000A00"));
        assertEquals(Optional.empty(), CreditCode.check("91110108000000A000"));
    }

    @Test
    void checkWhenCheckCharacterIsLetterThenNoProblem() {
        assertEquals(Optional.empty(), CreditCode.check("91110000MA01ABUCDY"));
    }

    @Test
    void checkWhenLowerCaseThenNoProblem() {
        assertEquals(Optional.empty(), CreditCode.check("91350100m000100y43"));
    }

    @Test
    void checkWhenSurroundingWhitespaceThenNoProblem() {
        assertEquals(Optional.empty(), CreditCode.check(" 91350100M000100Y43 "));
    }

    @Test
    void checkWhenCheckCharacterWrongThenCheckCharacterProblem() {
        assertEquals(Optional.of(Problem.CHECK_CHARACTER), CreditCode.check("91350100M000100Y44"));
    }

    @Test
    void checkWhenTwoCharactersSwappedThenCheckCharacterProblem() {
        assertEquals(Optional.of(Problem.CHECK_CHARACTER), CreditCode.check("91351000M000100Y43"));
    }

    @Test
    void checkWhenNullThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), CreditCode.check(null));
    }

    @Test
    void checkWhenTooShortThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), CreditCode.check("91350100M000100Y4"));
    }

    @Test
    void checkWhenTooLongThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), CreditCode.check("91350100M000100Y430"));
    }

    @Test
    void checkWhenLetterExcludedFromAlphabetThenFormatProblem() {
        for (char excluded : "IOZSV".toCharArray()) {
            String code = "91350100" + excluded + "000100Y43";
            assertEquals(Optional.of(Problem.FORMAT), CreditCode.check(code), code);
        }
    }

    @Test
    void checkWhenLetterInDivisionCodeThenFormatProblem() {
        String body = "913501A0M000100Y4";
        assertEquals(Optional.of(Problem.FORMAT), CreditCode.check(body + CreditCode.checkCharacter(body)));
    }

    @Test
    void checkWhenPunctuationThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), CreditCode.check("91350100-M000100Y4"));
    }

    @Test
    void normaliseWhenLowerCaseThenUpperCase() {
        assertEquals(VALID, CreditCode.normalise(" 91350100m000100y43 "));
    }

    @Test
    void maskWhenValidThenUnchanged() {
        assertEquals(VALID, CreditCode.mask(VALID));
    }

    @Test
    void maskWhenNullThenThrows() {
        assertThrows(NullPointerException.class, () -> CreditCode.mask(null));
    }

}
