package org.onestop.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The CPSV-AP export against the SEMIC shapes of CPSV-AP 3.2.0 (a copy in the test resources, so
 * the test does not need the shared standards folder beside the repository).
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CpsvExportTests {

    private static final String SHAPES = "/standards/cpsv-ap-3/cpsv-ap-SHACL.ttl";
    private static final Node PUBLIC_SERVICE = NodeFactory.createURI(CpsvExport.CPSV + "PublicService");
    private static final Node TITLE = NodeFactory.createURI(CpsvExport.DCT + "title");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private List<ServiceDraft> drafts;
    private Shapes shapes;

    @BeforeAll
    void catalogueAndShapes() throws IOException {
        drafts = CatalogueFixture.load(app, 230);
        try (InputStream in = CpsvExportTests.class.getResourceAsStream(SHAPES)) {
            shapes = Shapes.parse(RDFParser.source(in).lang(Lang.TURTLE).toGraph());
        }
    }

    private EntityExchangeResult<byte[]> fetch(String url) {
        // A page of 100 services is larger than the client's default buffer of 256 KB, and a whole
        // catalogue of several hundred services may take longer than the default 5 s on a busy machine.
        return new PortalClient(port).http().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri(url).exchange().expectStatus().isOk().expectBody().returnResult();
    }

    private static Model parse(EntityExchangeResult<byte[]> result, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(new String(result.getResponseBody(), StandardCharsets.UTF_8), lang)
                .parse(model);
        return model;
    }

    private static String describe(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        report.getEntries().stream().limit(20).forEach(e -> out.append(e.focusNode()).append(' ').append(e.resultPath())
                .append(' ').append(e.message()).append('\n'));
        return out.toString();
    }

    /** Follows the Link header's next page from the first page to the last, merging the pages. */
    private Model wholeCatalogue(String file, Lang lang, String contentType) {
        Model all = ModelFactory.createDefaultModel();
        String url = "/api/services/" + file + "?size=100";
        int pages = 0;
        while (url != null) {
            EntityExchangeResult<byte[]> page = fetch(url);
            assertThat(page.getResponseHeaders().getContentType().toString()).startsWith(contentType);
            all.add(parse(page, lang));
            pages++;
            Matcher next = Pattern.compile("<[^>]*(/api/services/[^>]+)>; rel=\"next\"")
                    .matcher(String.valueOf(page.getResponseHeaders().getFirst(HttpHeaders.LINK)));
            url = next.find() ? next.group(1) : null;
        }
        assertThat(pages).isEqualTo(3);
        return all;
    }

    @Test
    void turtleExportOfGeneratedCatalogueHasZeroViolations() {
        Model catalogue = wholeCatalogue("cpsv.ttl", Lang.TURTLE, "text/turtle");
        assertThat(catalogue.listSubjectsWithProperty(RDF.type, catalogue.createResource(PUBLIC_SERVICE.getURI())).toList())
                .hasSize(drafts.size());
        ValidationReport report = ShaclValidator.get().validate(shapes, catalogue.getGraph());
        assertThat(report.getEntries()).as(describe(report)).isEmpty();
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void jsonLdExportOfGeneratedCatalogueHasZeroViolationsAndSaysWhatTheTurtleSays() {
        Model jsonLd = wholeCatalogue("cpsv.jsonld", Lang.JSONLD11, "application/ld+json");
        ValidationReport report = ShaclValidator.get().validate(shapes, jsonLd.getGraph());
        assertThat(report.getEntries()).as(describe(report)).isEmpty();
        Model turtle = wholeCatalogue("cpsv.ttl", Lang.TURTLE, "text/turtle");
        // The export names every node, so the two graphs hold exactly the same triples, except the
        // paging views, which are the documents themselves and so differ by format.
        Model jsonLdData = withoutPageViews(jsonLd);
        Model turtleData = withoutPageViews(turtle);
        assertThat(jsonLdData.size()).isGreaterThan(10_000);
        assertThat(jsonLdData.difference(turtleData).listStatements().toList()).isEmpty();
        assertThat(turtleData.difference(jsonLdData).listStatements().toList()).isEmpty();
    }

    private static Model withoutPageViews(Model model) {
        Model data = ModelFactory.createDefaultModel().add(model);
        data.listStatements().toList().stream()
                .filter(st -> st.getSubject().isURIResource() && st.getSubject().getURI().contains("/cpsv.")
                        || st.getObject().isURIResource() && st.getObject().asResource().getURI().contains("/cpsv."))
                .forEach(data::remove);
        return data;
    }

    @Test
    void oneServiceExportsWithTypedAuthorityEventsAndDuration() {
        ServiceDraft transfer = drafts.stream().filter(s -> s.nameZh().equals("初中转学")).findFirst().orElseThrow();
        String base = "http://localhost:" + port + "/";
        for (Lang lang : List.of(Lang.TURTLE, Lang.JSONLD11)) {
            EntityExchangeResult<byte[]> result = fetch("/api/services/" + transfer.code()
                    + (lang == Lang.TURTLE ? "/cpsv.ttl" : "/cpsv.jsonld"));
            Graph graph = parse(result, lang).getGraph();
            ValidationReport report = ShaclValidator.get().validate(shapes, graph);
            assertThat(report.getEntries()).as(describe(report)).isEmpty();
            Node service = NodeFactory.createURI(base + "api/services/" + transfer.code());
            assertThat(graph.contains(service, RDF.type.asNode(), PUBLIC_SERVICE)).isTrue();
            assertThat(graph.contains(service, TITLE, NodeFactory.createLiteralLang("初中转学", "zh"))).isTrue();
            assertThat(graph.contains(service, NodeFactory.createURI(CpsvExport.CV + "processingTime"),
                    NodeFactory.createLiteralDT("P" + transfer.promisedDays() + "D",
                            org.apache.jena.datatypes.xsd.XSDDatatype.XSDduration))).isTrue();
            Node school = NodeFactory.createURI(base + "id/event/school");
            assertThat(graph.contains(service, NodeFactory.createURI(CpsvExport.CV + "isGroupedBy"), school)).isTrue();
            assertThat(graph.contains(school, RDF.type.asNode(), NodeFactory.createURI(CpsvExport.CV + "LifeEvent"))).isTrue();
            assertThat(graph.find(service, NodeFactory.createURI(CpsvExport.CPSV + "hasInput"), Node.ANY).toList())
                    .hasSize(transfer.materials().size());
        }
    }

    @Test
    void serviceWithoutTitleViolatesTheShapes() {
        ServiceDraft any = drafts.getFirst();
        Graph graph = parse(fetch("/api/services/" + any.code() + "/cpsv.ttl"), Lang.TURTLE).getGraph();
        Node service = NodeFactory.createURI("http://localhost:" + port + "/api/services/" + any.code());
        assertThat(ShaclValidator.get().validate(shapes, graph).conforms()).isTrue();
        graph.remove(service, TITLE, Node.ANY);
        ValidationReport report = ShaclValidator.get().validate(shapes, graph);
        assertThat(report.conforms()).isFalse();
        assertThat(report.getEntries()).anySatisfy(e -> {
            assertThat(e.focusNode()).isEqualTo(service);
            assertThat(e.resultPath().toString()).contains("title");
        });
    }
}
