package org.onestop.account.identity;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MainlandMobileTests {

    @Test
    void normaliseWhenElevenDigitsThenSame() {
        assertEquals(Optional.of("13812345678"), MainlandMobile.normalise("13812345678"));
    }

    @Test
    void normaliseWhenEverySecondDigitFromThreeToNineThenAccepted() {
        for (char second = '3'; second <= '9'; second++) {
            String number = "1" + second + "012345678";
            assertEquals(Optional.of(number), MainlandMobile.normalise(number));
        }
    }

    @Test
    void normaliseWhenPlusEightySixPrefixThenStripped() {
        assertEquals(Optional.of("13812345678"), MainlandMobile.normalise("+8613812345678"));
    }

    @Test
    void normaliseWhenEightySixPrefixThenStripped() {
        assertEquals(Optional.of("13812345678"), MainlandMobile.normalise("8613812345678"));
    }

    @Test
    void normaliseWhenSpacesAndHyphensThenRemoved() {
        assertEquals(Optional.of("13812345678"), MainlandMobile.normalise("+86 138-1234-5678"));
        assertEquals(Optional.of("13812345678"), MainlandMobile.normalise(" 138 1234 5678 "));
    }

    @Test
    void normaliseWhenSecondDigitTwoThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("12812345678"));
    }

    @Test
    void normaliseWhenSecondDigitZeroThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("10012345678"));
    }

    @Test
    void normaliseWhenNotStartingWithOneThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("23812345678"));
    }

    @Test
    void normaliseWhenTenDigitsThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("1381234567"));
    }

    @Test
    void normaliseWhenTwelveDigitsThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("138123456789"));
    }

    @Test
    void normaliseWhenOtherCountryCodeThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("+85213812345678"));
    }

    @Test
    void normaliseWhenLetterThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("1381234567a"));
    }

    @Test
    void normaliseWhenFullWidthDigitsThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise("１３８１２３４５６７８"));
    }

    @Test
    void normaliseWhenNullThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise(null));
    }

    @Test
    void normaliseWhenEmptyThenEmpty() {
        assertEquals(Optional.empty(), MainlandMobile.normalise(""));
    }

    @Test
    void maskWhenValidThenKeepsFirstThreeAndLastFour() {
        assertEquals("138****5678", MainlandMobile.mask("13812345678"));
    }

    @Test
    void maskWhenPrefixedThenMasksNormalisedNumber() {
        assertEquals("138****5678", MainlandMobile.mask("+86 138-1234-5678"));
    }

    @Test
    void maskWhenInvalidThenThrows() {
        assertThrows(IllegalArgumentException.class, () -> MainlandMobile.mask("12812345678"));
    }

}
