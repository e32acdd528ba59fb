package org.onestop.inquiry.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveWordsTests {

    private final SensitiveWords words = new SensitiveWords(
            List.of("身份证号", "拖欠工资", "强拆", "维权"),
            List.of("代开发票", "网络赌博", "傻逼", "Fuck", "K粉"));

    @Test
    void screenWhenCleanTextThenNothingFound() {
        Screening screening = words.screen("请问办理居住证需要准备哪些材料？");

        assertThat(screening.flagged()).isEmpty();
        assertThat(screening.blocked()).isEmpty();
        assertThat(screening.isBlocked()).isFalse();
    }

    @Test
    void screenWhenFlaggedWordOnlyThenFlaggedButNotBlocked() {
        Screening screening = words.screen("公司拖欠工资三个月，应该向哪个部门反映？");

        assertThat(screening.flagged()).containsExactly("拖欠工资");
        assertThat(screening.blocked()).isEmpty();
        assertThat(screening.isBlocked()).isFalse();
    }

    @Test
    void screenWhenBlockedWordThenBlocked() {
        Screening screening = words.screen("专业代开发票，联系微信");

        assertThat(screening.blocked()).containsExactly("代开发票");
        assertThat(screening.isBlocked()).isTrue();
    }

    @Test
    void screenWhenBlockedWordSpacedOutThenBlocked() {
        assertThat(words.screen("代 开 发 票").blocked()).containsExactly("代开发票");
        assertThat(words.screen("代\t开\n发\u3000票").blocked()).containsExactly("代开发票");
    }

    @Test
    void screenWhenBlockedWordSplitByPunctuationThenBlocked() {
        assertThat(words.screen("代-开-发-票").blocked()).containsExactly("代开发票");
        assertThat(words.screen("代。开，发★票").blocked()).containsExactly("代开发票");
        assertThat(words.screen("网.络.赌.博").blocked()).containsExactly("网络赌博");
    }

    @Test
    void screenWhenBlockedWordSplitByZeroWidthCharactersThenBlocked() {
        assertThat(words.screen("代\u200B开发票").blocked()).containsExactly("代开发票");
        assertThat(words.screen("网\u200D络\u2060赌\uFEFF博").blocked()).containsExactly("网络赌博");
    }

    @Test
    void screenWhenLatinInFullWidthThenMatches() {
        assertThat(words.screen("出售Ｋ粉").blocked()).containsExactly("K粉");
        assertThat(words.screen("ｆｕｃｋ").blocked()).containsExactly("Fuck");
    }

    @Test
    void screenWhenLatinEntryInAnyCaseThenMatches() {
        assertThat(words.screen("FUCK this").blocked()).containsExactly("Fuck");
        assertThat(words.screen("fuck").blocked()).containsExactly("Fuck");
        assertThat(words.screen("f u c k").blocked()).containsExactly("Fuck");
    }

    @Test
    void screenWhenBothListsHitThenBothReported() {
        Screening screening = words.screen("强拆我家的都是傻逼，我要维权");

        assertThat(screening.flagged()).containsExactly("强拆", "维权");
        assertThat(screening.blocked()).containsExactly("傻逼");
        assertThat(screening.isBlocked()).isTrue();
    }

    @Test
    void screenWhenWordRepeatedThenReportedOnce() {
        Screening screening = words.screen("维权维权，代开发票！代 开 发 票！维权");

        assertThat(screening.flagged()).containsExactly("维权");
        assertThat(screening.blocked()).containsExactly("代开发票");
    }

    @Test
    void screenWhenSeveralWordsThenReportedInOrderOfFirstAppearance() {
        Screening screening = words.screen("维权时被要求提供身份证号，又遇到强拆");

        assertThat(screening.flagged()).containsExactly("维权", "身份证号", "强拆");
    }

    @Test
    void screenWhenEmptyOrWhitespaceTextThenNothingFound() {
        for (String text : List.of("", "   ", "\u3000\n\t", "\u200B")) {
            Screening screening = words.screen(text);
            assertThat(screening.flagged()).as("flagged in [%s]", text).isEmpty();
            assertThat(screening.blocked()).as("blocked in [%s]", text).isEmpty();
        }
    }

    @Test
    void screenWhenDictionaryWordWrittenWithSpacesThenStillMatchesAndReportsAsWritten() {
        SensitiveWords spaced = new SensitiveWords(List.of(), List.of(" 办证 刻章 "));

        assertThat(spaced.screen("专业办证刻章").blocked()).containsExactly("办证 刻章");
    }

    @Test
    void screenWhenDictionaryWordIsOnlyPunctuationThenIgnored() {
        SensitiveWords punctuationOnly = new SensitiveWords(List.of("！！"), List.of("", "   "));

        Screening screening = punctuationOnly.screen("太好了！！");

        assertThat(screening.flagged()).isEmpty();
        assertThat(screening.blocked()).isEmpty();
    }

    @Test
    void fromClasspathWhenLoadedThenBothListsAreNonEmpty() {
        SensitiveWords shipped = SensitiveWords.fromClasspath();

        assertThat(shipped.screen("代开发票").blocked()).containsExactly("代开发票");
        assertThat(shipped.screen("身份证号").flagged()).containsExactly("身份证号");
        assertThat(WordListReader.fromClasspath("/org/onestop/inquiry/screening/blocked-words.txt")).isNotEmpty();
        assertThat(WordListReader.fromClasspath("/org/onestop/inquiry/screening/flagged-words.txt")).isNotEmpty();
    }

    @Test
    void fromClasspathWhenCommentsAndBlankLinesThenNotTreatedAsWords() {
        List<String> blocked = WordListReader.fromClasspath("/org/onestop/inquiry/screening/blocked-words.txt");

        assertThat(blocked).noneMatch(word -> word.startsWith("#") || word.isBlank());
    }

    @Test
    void fromClasspathWhenEvasiveQuestionThenShippedListsCatchIt() {
        Screening screening = SensitiveWords.fromClasspath().screen("公司拖欠工资，有人发广告：贷 款 秒 批，Ｆｕｃｋ");

        assertThat(screening.flagged()).contains("拖欠工资");
        assertThat(screening.blocked()).containsExactly("贷款秒批", "fuck");
    }

    @Test
    void parseWhenCommentsBlankLinesAndByteOrderMarkThenOnlyWordsKept() {
        List<String> parsed = WordListReader.parse(List.of("\uFEFF# header", "", "  冰毒  ", "# 注释", "六合彩"));

        assertThat(parsed).containsExactly("冰毒", "六合彩");
    }
}
