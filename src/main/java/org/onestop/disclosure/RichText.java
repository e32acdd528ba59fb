package org.onestop.disclosure;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * Document bodies and guides are HTML written by officials (often pasted from word processors),
 * shown to everyone as HTML. Only structure survives: headings, paragraphs, lists, tables,
 * emphasis and http/https/mailto links. Scripts, frames, event handlers, styles and any other
 * URL scheme are dropped, whatever the author's intent, so a body can never run code in a reader's
 * browser.
 */
final class RichText {

    /** A sanitised body: the HTML to store and show, and its text for search and snippets. */
    record Sanitized(String html, String text) {
    }

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "strong", "b", "em", "i", "u", "sub", "sup", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            // Links leave the portal: the target page must not get a handle on it.
            .requireRelsOnLinks("noopener", "noreferrer")
            .allowAttributes("colspan", "rowspan").matching(Pattern.compile("[1-9][0-9]?")).onElements("td", "th")
            .toFactory();

    /** Elements after which the text version starts a new line. */
    private static final Set<String> BLOCKS = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote",
            "pre", "li", "dt", "dd", "tr", "caption", "table", "ul", "ol", "dl");

    private RichText() {
    }

    static Sanitized sanitize(String html) {
        String safe = POLICY.sanitize(html == null ? "" : html);
        TextCollector text = new TextCollector();
        HtmlSanitizer.sanitize(safe, POLICY.apply(text));
        return new Sanitized(safe, text.text());
    }

    /** Receives the events the policy lets through and keeps their text, one line per block. */
    private static final class TextCollector implements HtmlStreamEventReceiver {

        private final StringBuilder out = new StringBuilder();

        @Override
        public void openDocument() {
        }

        @Override
        public void closeDocument() {
        }

        @Override
        public void openTag(String elementName, List<String> attrs) {
            if (BLOCKS.contains(elementName)) {
                newLine();
            } else if (elementName.equals("td") || elementName.equals("th")) {
                out.append(' ');
            }
        }

        @Override
        public void closeTag(String elementName) {
            if (BLOCKS.contains(elementName)) {
                newLine();
            }
        }

        @Override
        public void text(String text) {
            out.append(text);
        }

        private void newLine() {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        String text() {
            return out.toString().replaceAll("[ \\t\\x{3000}]+\\n", "\n").replaceAll("\\n{2,}", "\n").strip();
        }
    }
}
