package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberMaskingTests {

    // Valid: the check character X was worked out in ResidentIdNumberTests.
    private static final String VALID = "11010519491231002X";

    @Test
    void maskWhenIdNumberInLetterThenFirstFourAndLastFourKept() {
        MaskedText masked = PersonalDataMasker.mask("本人身份证号码为" + VALID + "，请核实。");

        assertThat(masked.text()).isEqualTo("本人身份证号码为1101**********002X，请核实。");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.ID_NUMBER);
    }

    @Test
    void maskWhenCheckDigitWrongThenStillMasked() {
        assertThat(PersonalDataMasker.mask("身份证：110105194912310021").text())
                .isEqualTo("身份证：1101**********0021");
    }

    @Test
    void maskWhenLowerCaseCheckCharacterThenMasked() {
        assertThat(PersonalDataMasker.mask("证件号11010519491231002x。").text())
                .isEqualTo("证件号1101**********002X。");
    }

    @Test
    void maskWhenFullWidthDigitsThenMasked() {
        assertThat(PersonalDataMasker.mask("身份证号１１０１０５１９４９１２３１００２Ｘ，谢谢").text())
                .isEqualTo("身份证号1101**********002X，谢谢");
    }

    @Test
    void maskWhenSpacesOrHyphensInsideThenMasked() {
        assertThat(PersonalDataMasker.mask("身份证 110105 19491231 002X 已提交").text())
                .isEqualTo("身份证 1101**********002X 已提交");
        assertThat(PersonalDataMasker.mask("身份证110105-1949-1231-002X").text())
                .isEqualTo("身份证1101**********002X");
    }

    @Test
    void maskWhenFifteenDigitFirstGenerationNumberThenBirthDateHidden() {
        assertThat(PersonalDataMasker.mask("老身份证号110105491231002还能用吗").text())
                .isEqualTo("老身份证号1101********002还能用吗");
    }

    @Test
    void maskWhenEighteenDigitsWithImpossibleBirthDateThenUnchanged() {
        // Month 13: a reference number of the same length, not an identity number.
        String text = "流水号110105194913310021已生成";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenEighteenDigitsWithoutProvinceCodeThenUnchanged() {
        String text = "受理编号202605010001234567，请妥善保存";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenIdDigitsArePartOfLongerNumberThenUnchanged() {
        String text = "条码1101051949123100211";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }
}
