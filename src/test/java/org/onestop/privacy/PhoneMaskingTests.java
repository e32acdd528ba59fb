package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskingTests {

    @Test
    void maskWhenMobileInLetterThenPrefixAndLastFourKept() {
        MaskedText masked = PersonalDataMasker.mask("如有疑问请联系我，手机13812345678，白天都在。");

        assertThat(masked.text()).isEqualTo("如有疑问请联系我，手机138****5678，白天都在。");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.MOBILE);
    }

    @Test
    void maskWhenCountryCodeAndSeparatorsThenWholeNumberMasked() {
        assertThat(PersonalDataMasker.mask("电话：+86 138-1234-5678").text()).isEqualTo("电话：138****5678");
        assertThat(PersonalDataMasker.mask("电话：86-139 8765 4321").text()).isEqualTo("电话：139****4321");
        assertThat(PersonalDataMasker.mask("手机8615912345678").text()).isEqualTo("手机159****5678");
    }

    @Test
    void maskWhenMobileInFullWidthDigitsThenMasked() {
        assertThat(PersonalDataMasker.mask("手机：１３８ １２３４ ５６７８。").text()).isEqualTo("手机：138****5678。");
    }

    @Test
    void maskWhenTwoMobilesSeparatedBySpaceThenBothMasked() {
        MaskedText masked = PersonalDataMasker.mask("联系电话13812345678 13987654321");

        assertThat(masked.text()).isEqualTo("联系电话138****5678 139****4321");
        assertThat(masked.findings()).hasSize(2);
    }

    @Test
    void maskWhenLandlineWithAreaCodeThenAreaCodeAndLastTwoKept() {
        assertThat(PersonalDataMasker.mask("家里电话0532-88886666，晚上有人").text())
                .isEqualTo("家里电话0532-******66，晚上有人");
        assertThat(PersonalDataMasker.mask("北京的号码010 6512 3456").text()).isEqualTo("北京的号码010-******56");
    }

    @Test
    void maskWhenAreaCodeInBracketsThenMasked() {
        assertThat(PersonalDataMasker.mask("（0532）8888 6666").text()).isEqualTo("0532-******66");
        assertThat(PersonalDataMasker.mask("(021)62345678").text()).isEqualTo("021-******78");
    }

    @Test
    void maskWhenExtensionThenExtensionMaskedToo() {
        assertThat(PersonalDataMasker.mask("单位电话0532-88886666转801").text()).isEqualTo("单位电话0532-******66转***");
        assertThat(PersonalDataMasker.mask("0532-88886666-8012").text()).isEqualTo("0532-******66转****");
    }

    @Test
    void maskWhenLocalNumberAnnouncedByPhoneWordThenMasked() {
        assertThat(PersonalDataMasker.mask("座机：8888 6666").text()).isEqualTo("座机：******66");
        assertThat(PersonalDataMasker.mask("联系电话为8123456").text()).isEqualTo("联系电话为*****56");
    }

    @Test
    void maskWhenLocalNumberWithoutPhoneWordThenUnchanged() {
        String text = "项目总投资88886666元";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenServiceHotlinesThenUnchanged() {
        String text = "拨打12345政务服务便民热线、110报警、120急救或95588客服都可以。";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenElevenDigitsThatAreNoMobileThenUnchanged() {
        String text = "档案号12345678901，批次20260501123";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenMobileDigitsInsideLongerNumberThenUnchanged() {
        String text = "订单号2026013812345678";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }
}
