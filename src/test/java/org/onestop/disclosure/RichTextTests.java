package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTests {

    @Test
    void scriptsFramesHandlersAndJavascriptUrlsAreRemoved() {
        RichText.Sanitized s = RichText.sanitize("""
                <p onclick="steal()">正文<script>alert('x')</script></p>
                <iframe src="https://evil.example/"></iframe>
                <img src=x onerror="alert(1)">
                <a href="javascript:alert(1)">点我</a>
                <a href="JaVaScRiPt:alert(2)">再点</a>
                <p style="position:fixed" onmouseover="x()">样式</p>
                <svg onload="alert(3)"></svg><object data="x.swf"></object>""");
        assertThat(s.html()).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("iframe")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("onmouseover").doesNotContainIgnoringCase("javascript")
                .doesNotContain("style=").doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<object")
                .doesNotContain("<img");
        assertThat(s.html()).contains("正文", "点我", "样式");
        assertThat(s.text()).doesNotContain("alert");
    }

    @Test
    void headingsListsTablesAndSafeLinksSurvive() {
        RichText.Sanitized s = RichText.sanitize("""
                <h2>一、总体要求</h2><h3>（一）目标</h3>
                <ul><li>第一项</li><li>第二项</li></ul><ol><li>甲</li></ol>
                <table><thead><tr><th colspan="2">项目</th></tr></thead><tbody><tr><td>收入</td><td rowspan="1">100</td></tr></tbody></table>
                <p><strong>加粗</strong><em>强调</em><a href="https://www.qingdao.gov.cn/">政府网站</a>
                <a href="mailto:gk@qingdao.gov.cn">来信</a><a href="http://example.org/a?b=1&amp;c=2">链接</a></p>""");
        assertThat(s.html()).contains("<h2>一、总体要求</h2>", "<h3>", "<ul>", "<li>第一项</li>", "<ol>", "<table>",
                "<th colspan=\"2\">项目</th>", "<td>收入</td>", "<strong>加粗</strong>", "<em>强调</em>",
                "href=\"https://www.qingdao.gov.cn/\"", // The sanitizer writes '@' and '=' in attribute values as character references: the same URL to a browser.
                "href=\"mailto:gk&#64;qingdao.gov.cn\"", "href=\"http://example.org/a?b&#61;1&amp;c&#61;2\"");
        assertThat(s.html()).containsPattern("rel=\"(noopener noreferrer|noreferrer noopener)\"");
        assertThat(s.text()).contains("一、总体要求\n", "第一项\n第二项", "收入").doesNotContain("<");
    }

    @Test
    void textOfAnEntityIsDecodedOnceForSearch() {
        RichText.Sanitized s = RichText.sanitize("<p>A &amp; B &lt;C&gt; 《办法》</p>");
        assertThat(s.text()).isEqualTo("A & B <C> 《办法》");
        assertThat(s.html()).doesNotContain("<C>");
    }
}
