package org.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * What the tests of the portal's linked-data exports (DCAT-AP, CPSV-AP) share: the official SHACL
 * shapes from the test resources, parsing an answer, following a paged catalogue's rel="next"
 * links, and asserting zero violations with the first ones listed when there are some.
 */
public final class LinkedData {

    private static final Pattern NEXT = Pattern.compile("<https?://[^/>]+(/[^>]*)>; rel=\"next\"");

    private LinkedData() {
    }

    /** SHACL shapes from a Turtle file on the test classpath. */
    public static Shapes shapes(String resource) {
        try (InputStream in = LinkedData.class.getResourceAsStream(resource)) {
            return Shapes.parse(RDFParser.source(in).lang(Lang.TURTLE).toGraph());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Model parse(EntityExchangeResult<byte[]> result, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(result.getResponseBodyContent())).lang(lang).parse(model);
        return model;
    }

    /** Asserts that the graph has no violation of the shapes. */
    public static void assertConforms(Shapes shapes, Graph graph) {
        ValidationReport report = ShaclValidator.get().validate(shapes, graph);
        assertThat(report.getEntries()).as(describe(report)).isEmpty();
        assertThat(report.conforms()).isTrue();
    }

    /**
     * Fetches the first page and follows the Link header's rel="next" to the last, checking each
     * page's content type, and returns the pages merged; asserts how many pages there were.
     */
    public static Model allPages(Function<String, EntityExchangeResult<byte[]>> fetch, String first, Lang lang, String contentType,
            int pages) {
        Model all = ModelFactory.createDefaultModel();
        int fetched = 0;
        for (String url = first; url != null; fetched++) {
            EntityExchangeResult<byte[]> page = fetch.apply(url);
            assertThat(page.getResponseHeaders().getContentType().toString()).startsWith(contentType);
            all.add(parse(page, lang));
            Matcher next = NEXT.matcher(String.valueOf(page.getResponseHeaders().getFirst(HttpHeaders.LINK)));
            url = next.find() ? next.group(1) : null;
        }
        assertThat(fetched).as("pages of %s", first).isEqualTo(pages);
        return all;
    }

    private static String describe(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        report.getEntries().stream().limit(20).forEach(e -> out.append(e.focusNode()).append(' ').append(e.resultPath())
                .append(' ').append(e.message()).append('\n'));
        return out.toString();
    }
}
