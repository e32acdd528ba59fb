package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMaskingTests {

    @Test
    void maskWhenNameIntroducedBySelfIntroductionThenGivenNameMasked() {
        MaskedText masked = PersonalDataMasker.mask("您好，我叫张三，是一名退休教师。");

        assertThat(masked.text()).isEqualTo("您好，我叫张*，是一名退休教师。");
        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.NAME);
    }

    @Test
    void maskWhenNameAfterBenRenThenMasked() {
        assertThat(PersonalDataMasker.mask("本人李四，男，现住城阳区。").text()).isEqualTo("本人李*，男，现住城阳区。");
        assertThat(PersonalDataMasker.mask("本人叫李明，今年65岁").text()).isEqualTo("本人叫李*，今年65岁");
    }

    @Test
    void maskWhenNameFollowedByWordThatTypicallyFollowsNamesThenMasked() {
        assertThat(PersonalDataMasker.mask("我叫李明今年65岁").text()).isEqualTo("我叫李*今年65岁");
        assertThat(PersonalDataMasker.mask("投诉人孙建华反映").text()).isEqualTo("投诉人孙**反映");
    }

    @Test
    void maskWhenBenRenFollowedByNameAndWordThenUnchangedBecauseBenRenNeedsPunctuation() {
        // The price of keeping 本人安装了 and 本人常年在外 intact; a known name would still be masked.
        String text = "本人李四反映";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
        assertThat(PersonalDataMasker.mask(text, MaskingContext.ofNames("李四")).text()).isEqualTo("本人李*反映");
    }

    @Test
    void maskWhenNameAfterFormLabelThenMasked() {
        assertThat(PersonalDataMasker.mask("姓名：王五 性别：男").text()).isEqualTo("姓名：王* 性别：男");
        assertThat(PersonalDataMasker.mask("姓名是刘晓燕，电话在下面").text()).isEqualTo("姓名是刘**，电话在下面");
        assertThat(PersonalDataMasker.mask("联系人：陈建国电话").text()).isEqualTo("联系人：陈**电话");
    }

    @Test
    void maskWhenCompoundSurnameThenWholeSurnameKept() {
        assertThat(PersonalDataMasker.mask("联系人：欧阳娜娜").text()).isEqualTo("联系人：欧阳**");
        assertThat(PersonalDataMasker.mask("我叫司马光，").text()).isEqualTo("我叫司马*，");
        assertThat(PersonalDataMasker.mask("致诸葛亮先生").text()).isEqualTo("致诸葛*先生");
    }

    @Test
    void maskWhenFullNameBeforeFormOfAddressThenGivenNameMaskedAndTitleKept() {
        assertThat(PersonalDataMasker.mask("感谢社区的刘德华先生和李小红女士。").text())
                .isEqualTo("感谢社区的刘**先生和李**女士。");
        assertThat(PersonalDataMasker.mask("孩子的班主任是刘芳老师").text()).isEqualTo("孩子的班主任是刘*老师");
    }

    @Test
    void maskWhenSurnameWithFormOfAddressOnlyThenUnchangedBecauseAlreadyAnonymous() {
        String text = "张先生、李女士、王师傅和刘老师都反映过，感谢王先生的耐心解答。";

        MaskedText masked = PersonalDataMasker.mask(text);

        assertThat(masked.text()).isEqualTo(text);
        assertThat(masked.findings()).isEmpty();
    }

    @Test
    void maskWhenWordEndsInSurnameBeforeFullNameThenNameStartsAfterIt() {
        assertThat(PersonalDataMasker.mask("特别感谢王明先生").text()).isEqualTo("特别感谢王*先生");
        assertThat(PersonalDataMasker.mask("我向高明女士咨询过").text()).isEqualTo("我向高*女士咨询过");
    }

    @Test
    void maskWhenKnownNamesThenMaskedWherever() {
        MaskingContext context = MaskingContext.ofNames("赵敏", "张三丰", "欧阳锋");

        MaskedText masked = PersonalDataMasker.mask("赵敏和张三丰多次找欧阳锋协商未果，赵敏为此很苦恼。", context);

        assertThat(masked.text()).isEqualTo("赵*和张**多次找欧阳*协商未果，赵*为此很苦恼。");
        assertThat(masked.findings()).hasSize(4).allMatch(finding -> finding.kind() == PersonalDataKind.NAME);
    }

    @Test
    void maskWhenKnownNameHasUnlistedSurnameThenFirstCharacterKept() {
        MaskingContext context = MaskingContext.ofNames("买买提·艾力");

        assertThat(PersonalDataMasker.mask("来信人买买提·艾力反映", context).text()).isEqualTo("来信人买*****反映");
    }

    @Test
    void maskWhenKnownNameIsSingleCharacterThenIgnored() {
        String text = "王某反映，小区的路灯不亮。";

        assertThat(PersonalDataMasker.mask(text, MaskingContext.ofNames("王", " ")).text()).isEqualTo(text);
    }

    @Test
    void maskWhenNameAlreadyAnonymisedWithMouThenUnchanged() {
        String text = "当事人王某某称，申请人李某已经搬走。";

        assertThat(PersonalDataMasker.mask(text).text()).isEqualTo(text);
    }

    @Test
    void maskWhenGivenNameOutsideBasicPlaneThenOneStarPerCharacter() {
        // 𪚥 is in CJK Extension B: two chars in Java, one character of the name.
        assertThat(PersonalDataMasker.mask("我叫张𪚥，").text()).isEqualTo("我叫张*，");
        assertThat(PersonalDataMasker.mask("坏𠀀", MaskingContext.ofNames("𠀀𪚥")).text()).isEqualTo("坏𠀀");
        assertThat(PersonalDataMasker.mask("来信人𠀀𪚥", MaskingContext.ofNames("𠀀𪚥")).text()).isEqualTo("来信人𠀀*");
    }

    @Test
    void contextToStringWhenNamesThenNamesNotShown() {
        assertThat(MaskingContext.ofNames("张三丰", "赵敏").toString()).doesNotContain("张").doesNotContain("赵");
    }
}
