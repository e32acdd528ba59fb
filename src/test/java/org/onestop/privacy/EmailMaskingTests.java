package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailMaskingTests {

    @Test
    void maskWhenEmailInLetterThenFirstCharacterAndDomainKept() {
        MaskedText masked = PersonalDataMasker.mask("回复请发到zhangsan.qd@163.com，谢谢。");

        assertThat(masked.text()).isEqualTo("回复请发到z**********@163.com，谢谢。");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.EMAIL);
    }

    @Test
    void maskWhenLocalPartIsPhoneNumberThenOneEmailFinding() {
        MaskedText masked = PersonalDataMasker.mask("邮箱13812345678@139.com");

        assertThat(masked.text()).isEqualTo("邮箱1**********@139.com");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.EMAIL);
    }

    @Test
    void maskWhenFullWidthAtSignThenMasked() {
        assertThat(PersonalDataMasker.mask("邮箱：ｌｉｓｉ＠ｑｑ．ｃｏｍ").text()).isEqualTo("邮箱：l***@qq.com");
    }

    @Test
    void maskWhenLocalPartIsOneCharacterThenStarred() {
        assertThat(PersonalDataMasker.mask("a@example.cn").text()).isEqualTo("*@example.cn");
    }

    @Test
    void maskWhenAtSignWithoutDomainThenUnchanged() {
        String text = "请@市住建局 关注此事，回复@某某 即可";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }
}
