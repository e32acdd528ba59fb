package org.onestop.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.LinkedData;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
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
    void catalogueAndShapes() {
        drafts = CatalogueFixture.load(app, 230);
        shapes = LinkedData.shapes(SHAPES);
    }

    private EntityExchangeResult<byte[]> fetch(String url) {
        // A page of 100 services is larger than the client's default buffer of 256 KB, and a whole
        // catalogue of several hundred services may take longer than the default 5 s on a busy machine.
        return new PortalClient(port).http().mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri(url).exchange().expectStatus().isOk().expectBody().returnResult();
    }

    /** The whole catalogue, 100 services a page. */
    private Model wholeCatalogue(String file, Lang lang, String contentType) {
        return LinkedData.allPages(this::fetch, "/api/services/" + file + "?size=100", lang, contentType, 3);
    }

    @Test
    void turtleExportOfGeneratedCatalogueHasZeroViolations() {
        Model catalogue = wholeCatalogue("cpsv.ttl", Lang.TURTLE, "text/turtle");
        assertThat(catalogue.listSubjectsWithProperty(RDF.type, catalogue.createResource(PUBLIC_SERVICE.getURI())).toList())
                .hasSize(drafts.size());
        LinkedData.assertConforms(shapes, catalogue.getGraph());
    }

    @Test
    void jsonLdExportOfGeneratedCatalogueHasZeroViolationsAndSaysWhatTheTurtleSays() {
        Model jsonLd = wholeCatalogue("cpsv.jsonld", Lang.JSONLD11, "application/ld+json");
        LinkedData.assertConforms(shapes, jsonLd.getGraph());
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
            Graph graph = LinkedData.parse(result, lang).getGraph();
            LinkedData.assertConforms(shapes, graph);
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
        Graph graph = LinkedData.parse(fetch("/api/services/" + any.code() + "/cpsv.ttl"), Lang.TURTLE).getGraph();
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
