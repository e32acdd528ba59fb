package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankCardMaskingTests {

    // Check digits of these numbers computed with the Luhn algorithm.
    private static final String UNIONPAY_19 = "6222021234567890128";

    private static final String UNIONPAY_16 = "6228480012345671";

    private static final String VISA_16 = "4367421234567896";

    @Test
    void maskWhenCardNumberInLetterThenFirstFourAndLastFourKept() {
        MaskedText masked = PersonalDataMasker.mask("补贴请打到我的银行卡" + UNIONPAY_19 + "上。");

        assertThat(masked.text()).isEqualTo("补贴请打到我的银行卡6222***********0128上。");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.BANK_CARD);
    }

    @Test
    void maskWhenCardNumberGroupedByFourThenMasked() {
        assertThat(PersonalDataMasker.mask("卡号：6228 4800 1234 5671").text()).isEqualTo("卡号：6228********5671");
        assertThat(PersonalDataMasker.mask("卡号：" + UNIONPAY_16).text()).isEqualTo("卡号：6228********5671");
        assertThat(PersonalDataMasker.mask("卡号：" + VISA_16).text()).isEqualTo("卡号：4367********7896");
    }

    @Test
    void maskWhenCardFollowedBySpaceAndMoreDigitsThenCardStillFound() {
        assertThat(PersonalDataMasker.mask("卡号 6228 4800 1234 5671 123 元").text())
                .isEqualTo("卡号 6228********5671 123 元");
    }

    @Test
    void maskWhenSixteenDigitsFailLuhnThenUnchanged() {
        String text = "快递单号6228480012345672";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenDateBasedReferencePassesLuhnThenUnchanged() {
        // Passes the Luhn check by chance, but no card scheme issues numbers starting with 2026.
        String text = "办件编号2026050100012344";

        assertThat(BankCardFinder.passesLuhn("2026050100012344")).isTrue();
        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenCardNumberSameLengthAsIdButNoBirthDateThenTakenForCard() {
        MaskedText masked = PersonalDataMasker.mask("卡号621483012345678902");

        assertThat(masked.text()).isEqualTo("卡号6214**********8902");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.BANK_CARD);
    }
}
