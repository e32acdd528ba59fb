package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisclosureQueryTests {

    @Test
    void chineseRunsBecomeBigramPhrasesAndWordsStayWords() {
        DisclosureQuery q = DisclosureQuery.parse("住房公积金 提取 WTO PM2.5");
        assertThat(q.tsquery()).isEqualTo("('住房' <-> '房公' <-> '公积' <-> '积金') & '提取' & 'wto' & 'pm2' & '5'");
        assertThat(q.terms()).containsExactly("住房公积金", "提取", "wto", "pm2", "5");
    }

    @Test
    void singleCharacterIsAPrefixAndFullWidthIsFolded() {
        assertThat(DisclosureQuery.parse("税").tsquery()).isEqualTo("'税':*");
        assertThat(DisclosureQuery.parse("ＷＴＯ　５Ｇ").tsquery()).isEqualTo("'wto' & '5g'");
    }

    @Test
    void operatorsQuotesAndEmojiNeverReachTheQuery() {
        assertThat(DisclosureQuery.parse("\"公积金\" & | ! ( ) : * <-> '' \\ 😀").tsquery()).isEqualTo("('公积' <-> '积金')");
        assertThat(DisclosureQuery.parse("!@#$%^&*()😀🎉").isEmpty()).isTrue();
    }

    @Test
    void longQueriesAreCappedInTokens() {
        String text = "政府信息公开".repeat(100);
        String query = DisclosureQuery.parse(text).tsquery();
        assertThat(query.split("<->").length).isEqualTo(DisclosureQuery.MAX_TOKENS);
    }

    @Test
    void documentNumbersAreRecognisedWhateverTheBrackets() {
        assertThat(DocumentNumbers.looksLikeNumber("青政发〔2014〕12号")).isTrue();
        assertThat(DocumentNumbers.looksLikeNumber("青政发[2014]12号")).isTrue();
        assertThat(DocumentNumbers.looksLikeNumber("公积金 提取")).isFalse();
        assertThat(DocumentNumbers.key("青政发 [2014] 12号")).isEqualTo(DocumentNumbers.key("青政发〔2014〕12号"));
        assertThat(DocumentNumbers.key("青政发（2014）12")).isEqualTo("青政发[2014]12号");
    }

    @Test
    void highlightsEscapeTheTextAndMarkOnlyMatches() {
        Highlighter h = new Highlighter(DisclosureQuery.parse("公积金 wto").terms());
        assertThat(h.mark("<b>住房公积金</b> & WTO")).isEqualTo("&lt;b&gt;住房<mark>公积金</mark>&lt;/b&gt; &amp; <mark>WTO</mark>");
        String snippet = h.snippet("前言".repeat(100) + "提取公积金的条件" + "后记".repeat(100));
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>公积金</mark>");
    }
}
