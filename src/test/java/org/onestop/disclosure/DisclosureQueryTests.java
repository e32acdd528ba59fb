package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.platform.search.TextQuery;

/** Document numbers and highlighting of disclosure search. */
class DisclosureQueryTests {

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
        Highlighter h = new Highlighter(TextQuery.parse("公积金 wto").terms());
        assertThat(h.mark("<b>住房公积金</b> & WTO")).isEqualTo("&lt;b&gt;住房<mark>公积金</mark>&lt;/b&gt; &amp; <mark>WTO</mark>");
        String snippet = h.snippet("前言".repeat(100) + "提取公积金的条件" + "后记".repeat(100));
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>公积金</mark>");
    }
}
