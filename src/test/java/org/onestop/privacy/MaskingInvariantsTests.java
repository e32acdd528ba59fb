package org.onestop.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingInvariantsTests {

    private static final String LETTER = "尊敬的领导：我叫张三，身份证号11010519491231002X，家住市南区香港中路88号金茂小区"
            + "3号楼2单元301室，手机138 1234 5678，座机0532-88886666，邮箱zhangsan@163.com，"
            + "银行卡6222021234567890128。邻居赵敏也有同样的问题。";

    private static final MaskingContext CONTEXT = MaskingContext.ofNames("赵敏");

    @Test
    void maskWhenLetterHasEveryKindThenEachFoundInOrder() {
        MaskedText masked = PersonalDataMasker.mask(LETTER, CONTEXT);

        assertThat(masked.findings()).extracting(Finding::kind).containsExactly(PersonalDataKind.NAME,
                PersonalDataKind.ID_NUMBER, PersonalDataKind.ADDRESS, PersonalDataKind.ADDRESS,
                PersonalDataKind.MOBILE, PersonalDataKind.LANDLINE, PersonalDataKind.EMAIL,
                PersonalDataKind.BANK_CARD, PersonalDataKind.NAME);
    }

    @Test
    void findingsWhenMaskedThenOffsetsPointAtOriginalValues() {
        MaskedText masked = PersonalDataMasker.mask(LETTER, CONTEXT);

        assertThat(masked.findings()).extracting(finding -> LETTER.substring(finding.start(), finding.end()))
                .containsExactly("张三", "11010519491231002X", "88号", "3号楼2单元301室", "138 1234 5678",
                        "0532-88886666", "zhangsan@163.com", "6222021234567890128", "赵敏");
    }

    @Test
    void maskWhenAlreadyMaskedThenNothingChanges() {
        String once = PersonalDataMasker.mask(LETTER, CONTEXT).text();

        MaskedText twice = PersonalDataMasker.mask(once, CONTEXT);

        assertThat(twice.text()).isEqualTo(once);
        assertThat(twice.findings()).isEmpty();
    }

    @Test
    void maskWhenMaskedOutputOfEachStyleMaskedAgainThenUnchanged() {
        for (String masked : List.of("我叫张*，", "联系人：欧阳**", "身份证1101**********002X", "手机138****5678",
                "0532-******66转***", "座机：******66", "z*******@163.com", "卡号6222***********0128",
                "香港中路**号金茂小区*号楼*单元***室", "金茂小区*-*-***，", "王*先生", "旧证1101********002")) {
            assertThat(PersonalDataMasker.mask(masked).text()).isEqualTo(masked);
        }
    }

    @Test
    void maskWhenEmojiAndSupplementaryCharactersAroundValuesThenTheyAreKeptWhole() {
        String text = "😀13812345678😀 我叫张𪚥👍 𠀀0532-88886666𠀀 👨‍👩‍👧香港中路88号";

        MaskedText masked = PersonalDataMasker.mask(text);

        assertThat(masked.text()).isEqualTo("😀138****5678😀 我叫张*👍 𠀀0532-******66𠀀 👨‍👩‍👧香港中路**号");
        assertThat(masked.findings()).extracting(finding -> text.substring(finding.start(), finding.end()))
                .containsExactly("13812345678", "张𪚥", "0532-88886666", "88号");
        for (Finding finding : masked.findings()) {
            assertThat(Character.isLowSurrogate(text.charAt(finding.start()))).isFalse();
            assertThat(Character.isHighSurrogate(text.charAt(finding.end() - 1))).isFalse();
        }
    }

    @Test
    void findingToStringWhenValueFoundThenValueNotShown() {
        MaskedText masked = PersonalDataMasker.mask("手机13812345678，我叫张三，");

        assertThat(masked.findings()).hasSize(2).allSatisfy(finding ->
                assertThat(finding.toString()).doesNotContain("1381234").doesNotContain("5678").doesNotContain("三"));
    }

    @Test
    void maskWhenTextHasNothingThenSameTextAndNoFindings() {
        assertThat(PersonalDataMasker.mask("")).isEqualTo(new MaskedText("", List.of()));
    }

    @Test
    void maskWhenNullTextThenNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> PersonalDataMasker.mask(null));
    }

    @Test
    void maskWhenLongHostileInputThenFinishesQuickly() {
        // Long runs of the characters each pattern repeats over, which would expose backtracking
        // that grows with the square of the input.
        String hostile = "1 ".repeat(40_000) + "a.".repeat(40_000) + "8".repeat(40_000) + "号楼".repeat(20_000)
                + "张".repeat(40_000);

        MaskedText masked = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> PersonalDataMasker.mask(hostile + LETTER, CONTEXT));

        assertThat(masked.text()).endsWith("邻居赵*也有同样的问题。");
    }
}
