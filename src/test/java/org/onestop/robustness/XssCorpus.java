package org.onestop.robustness;

import java.util.List;

/**
 * Stored-XSS payloads. Each one, if the page ever treated it as markup or code, would set the
 * sentinel {@code window.__xss}, call {@code alert} (both watched by the test), or load
 * {@code /xss-sentinel} (seen in the page's resource timing). They cover script tags, event
 * handlers, javascript: URLs, SVG onload, CSS expressions, template literals, JSON-breaking
 * strings and mutation-XSS classics.
 */
final class XssCorpus {

    static final List<String> PAYLOADS = List.of(
            "<script>window.__xss=1</script>",
            "\"><script>window.__xss=2</script>",
            "<img src=/xss-sentinel?img onerror=\"window.__xss=3\">",
            "<svg onload=\"window.__xss=4\"><image href=/xss-sentinel?svg /></svg>",
            "<a href=\"javascript:window.__xss=5\">点我</a>",
            "<iframe src=\"javascript:parent.__xss=6\"></iframe>",
            "<div style=\"background:url(/xss-sentinel?css);width:expression(window.__xss=7)\">x</div>",
            "<body onload=window.__xss=8>",
            "${window.__xss=9}`;window.__xss=9;`",
            "\"});window.__xss=10;({\"a\":\"",
            "</script><script>window.__xss=11</script>",
            "<noscript><p title=\"</noscript><img src=/xss-sentinel?mxss onerror=window.__xss=12>\">",
            "<svg><style><img src=/xss-sentinel?svgstyle onerror=window.__xss=13></style></svg>",
            "<math><mtext><table><mglyph><style><img src=/xss-sentinel?math onerror=window.__xss=14>",
            "<details open ontoggle=window.__xss=15>",
            "<input autofocus onfocus=window.__xss=16>",
            "{{constructor.constructor('window.__xss=17')()}}",
            "<object data=\"javascript:window.__xss=18\"></object>",
            "<base href=\"javascript:window.__xss=19//\">",
            "<form action=\"javascript:window.__xss=20\"><button>提交</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__xss=21\">",
            "<svg><![CDATA[><img src=/xss-sentinel?cdata onerror=window.__xss=22>]]></svg>",
            "<scr<script>ipt>window.__xss=23</scr</script>ipt>",
            "&lt;img src=/xss-sentinel?entity onerror=window.__xss=24&gt;");

    private XssCorpus() {
    }

    /** All payloads in one text, each on its own line, behind a Chinese lead so length rules pass. */
    static String joined(String lead, int from, int to) {
        return lead + "\n" + String.join("\n", PAYLOADS.subList(from, Math.min(to, PAYLOADS.size())));
    }
}
