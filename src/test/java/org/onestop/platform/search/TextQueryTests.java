package org.onestop.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextQueryTests {

    @Test
    void chineseRunsNeedAllTheirBigramsAndWordsStayWords() {
        TextQuery q = TextQuery.parse("住房公积金 提取 WTO PM2.5");
        assertThat(q.tsquery()).isEqualTo("('住房' & '房公' & '公积' & '积金') & '提取' & 'wto' & 'pm2' & '5'");
        assertThat(q.terms()).containsExactly("住房公积金", "提取", "wto", "pm2", "5");
    }

    @Test
    void singleCharacterIsAPrefixAndFullWidthIsFolded() {
        assertThat(TextQuery.parse("税").tsquery()).isEqualTo("'税':*");
        assertThat(TextQuery.parse("ＷＴＯ　５Ｇ").tsquery()).isEqualTo("'wto' & '5g'");
    }

    @Test
    void operatorsQuotesAndEmojiNeverReachTheQuery() {
        assertThat(TextQuery.parse("\"公积金\" & | ! ( ) : * <-> '' \\ 😀").tsquery()).isEqualTo("('公积' & '积金')");
        assertThat(TextQuery.parse("!@#$%^&*()😀🎉").isEmpty()).isTrue();
    }

    @Test
    void longQueriesAreCappedInTokens() {
        String text = "政府信息公开".repeat(100);
        String query = TextQuery.parse(text).tsquery();
        assertThat(query.split(" & ").length).isEqualTo(TextQuery.MAX_TOKENS);
    }

    @Test
    void ideographsAndWordsAreAlsoGivenApartForEnglishStemming() {
        TextQuery q = TextQuery.parse("普通高中 转学 school transfers");
        assertThat(q.ideographs()).isEqualTo("('普通' & '通高' & '高中') & '转学'");
        assertThat(q.words()).isEqualTo("school transfers");
        assertThat(TextQuery.parse("转学").words()).isNull();
        assertThat(TextQuery.parse("WTO").ideographs()).isNull();
    }
}
