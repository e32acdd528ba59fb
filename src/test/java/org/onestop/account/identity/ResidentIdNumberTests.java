package org.onestop.account.identity;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.onestop.account.identity.ResidentIdNumber.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResidentIdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    // Check character worked out by hand: weighted sum 167, 167 mod 11 = 2, "10X98765432"[2] = X.
    private static final String VALID = "11010519491231002X";

    private static final int[] PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
            43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

    @Test
    void checkWhenValidThenNoProblem() {
        assertEquals(Optional.empty(), ResidentIdNumber.check(VALID, TODAY));
    }

    @Test
    void checkCharacterWhenHandComputedExampleThenX() {
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
    }

    @Test
    void checkWhenNumericCheckDigitValidThenNoProblem() {
        // Born on a leap day; check digit 6 worked out by hand.
        assertEquals(Optional.empty(), ResidentIdNumber.check("440304200002291236", TODAY));
    }

    @Test
    void checkWhenLowerCaseXThenNoProblem() {
        assertEquals(Optional.empty(), ResidentIdNumber.check("11010519491231002x", TODAY));
    }

    @Test
    void checkWhenSurroundingWhitespaceThenNoProblem() {
        assertEquals(Optional.empty(), ResidentIdNumber.check("  11010519491231002X\t", TODAY));
    }

    @Test
    void checkWhenCheckDigitWrongThenCheckDigitProblem() {
        assertEquals(Optional.of(Problem.CHECK_DIGIT), ResidentIdNumber.check("110105194912310021", TODAY));
    }

    @Test
    void checkWhenNullThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check(null, TODAY));
    }

    @Test
    void checkWhenTooShortThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("11010519491231002", TODAY));
    }

    @Test
    void checkWhenTooLongThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("11010519491231002X0", TODAY));
    }

    @Test
    void checkWhenOldFifteenDigitFormThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("110105491231002", TODAY));
    }

    @Test
    void checkWhenLetterInBodyThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("1101051949123100AX", TODAY));
    }

    @Test
    void checkWhenXNotLastThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("X10105194912310021", TODAY));
    }

    @Test
    void checkWhenFullWidthDigitsThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("１１0105194912310021", TODAY));
    }

    @Test
    void checkWhenInvalidCheckCharacterLetterThenFormatProblem() {
        assertEquals(Optional.of(Problem.FORMAT), ResidentIdNumber.check("11010519491231002Y", TODAY));
    }

    @Test
    void checkWhenProvinceNinetyOneThenRegionProblem() {
        assertEquals(Optional.of(Problem.REGION), ResidentIdNumber.check(withCheck("91010519491231002"), TODAY));
    }

    @Test
    void checkWhenProvinceInGapThenRegionProblem() {
        assertEquals(Optional.of(Problem.REGION), ResidentIdNumber.check(withCheck("16010519491231002"), TODAY));
        assertEquals(Optional.of(Problem.REGION), ResidentIdNumber.check(withCheck("38010519491231002"), TODAY));
        assertEquals(Optional.of(Problem.REGION), ResidentIdNumber.check(withCheck("00010519491231002"), TODAY));
    }

    @Test
    void checkWhenEveryProvinceLevelCodeThenNoProblem() {
        for (int province : PROVINCES) {
            String number = withCheck(province + "010519491231002");
            assertEquals(Optional.empty(), ResidentIdNumber.check(number, TODAY), number);
        }
    }

    @Test
    void checkWhenOnlyProvinceLevelCodesThenOthersRejected() {
        int accepted = 0;
        for (int province = 0; province < 100; province++) {
            String number = withCheck("%02d010519491231002".formatted(province));
            if (ResidentIdNumber.check(number, TODAY).isEmpty()) {
                accepted++;
            }
        }
        assertEquals(PROVINCES.length, accepted);
    }

    @Test
    void checkWhenBirthDateDoesNotExistThenBirthDateProblem() {
        assertEquals(Optional.of(Problem.BIRTH_DATE), ResidentIdNumber.check(withCheck("11010519490230002"), TODAY));
        assertEquals(Optional.of(Problem.BIRTH_DATE), ResidentIdNumber.check(withCheck("11010519491301002"), TODAY));
        assertEquals(Optional.of(Problem.BIRTH_DATE), ResidentIdNumber.check(withCheck("11010519491200002"), TODAY));
    }

    @Test
    void checkWhenFebruaryTwentyNinthOfNonLeapYearThenBirthDateProblem() {
        assertEquals(Optional.of(Problem.BIRTH_DATE), ResidentIdNumber.check(withCheck("11010519000229002"), TODAY));
        assertEquals(Optional.empty(), ResidentIdNumber.check(withCheck("11010520000229002"), TODAY));
    }

    @Test
    void checkWhenBirthDateAfterTodayThenBirthDateProblem() {
        assertEquals(Optional.of(Problem.BIRTH_DATE), ResidentIdNumber.check(withCheck("11010520250616002"), TODAY));
    }

    @Test
    void checkWhenBornTodayThenNoProblem() {
        assertEquals(Optional.empty(), ResidentIdNumber.check(withCheck("11010520250615002"), TODAY));
    }

    @Test
    void checkWhenBirthDateBefore1900ThenBirthDateProblem() {
        assertEquals(Optional.of(Problem.BIRTH_DATE), ResidentIdNumber.check(withCheck("11010518991231002"), TODAY));
    }

    @Test
    void checkWhenBornOnFirstJanuary1900ThenNoProblem() {
        assertEquals(Optional.empty(), ResidentIdNumber.check(withCheck("11010519000101002"), TODAY));
    }

    @Test
    void checkWhenRandomValidBodyThenExactlyOneCheckCharacterPasses() {
        Random random = new Random(20250615L);
        LocalDate earliest = LocalDate.of(1900, 1, 1);
        long days = TODAY.toEpochDay() - earliest.toEpochDay() + 1;
        for (int i = 0; i < 1000; i++) {
            int province = PROVINCES[random.nextInt(PROVINCES.length)];
            LocalDate birthDate = earliest.plusDays(random.nextLong(days));
            String body = "%02d%04d%04d%02d%02d%03d".formatted(province, random.nextInt(10_000), birthDate.getYear(),
                    birthDate.getMonthValue(), birthDate.getDayOfMonth(), random.nextInt(1000));
            int passing = 0;
            for (char check : "0123456789X".toCharArray()) {
                Optional<Problem> problem = ResidentIdNumber.check(body + check, TODAY);
                if (problem.isEmpty()) {
                    passing++;
                    assertEquals(ResidentIdNumber.checkCharacter(body), check, body);
                }
                else {
                    assertEquals(Optional.of(Problem.CHECK_DIGIT), problem, body + check);
                }
            }
            assertEquals(1, passing, body);
        }
    }

    @Test
    void checkWhenTodayNullThenThrows() {
        assertThrows(NullPointerException.class, () -> ResidentIdNumber.check(VALID, null));
    }

    @Test
    void normaliseWhenLowerCaseXThenUpperCase() {
        assertEquals("11010519491231002X", ResidentIdNumber.normalise(" 11010519491231002x "));
    }

    @Test
    void maskWhenValidThenKeepsFirstFourAndLastFour() {
        assertEquals("1101**********002X", ResidentIdNumber.mask(VALID));
    }

    @Test
    void maskWhenLowerCaseXThenMaskedWithUpperCase() {
        assertEquals("1101**********002X", ResidentIdNumber.mask("11010519491231002x"));
    }

    @Test
    void maskWhenMalformedThenThrows() {
        assertThrows(IllegalArgumentException.class, () -> ResidentIdNumber.mask("1101051949"));
    }

    private static String withCheck(String body) {
        return body + ResidentIdNumber.checkCharacter(body);
    }

}
