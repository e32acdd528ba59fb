package org.onestop.opendata.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.LinkedData;
import org.onestop.PortalTest;
import org.onestop.opendata.demo.DemoSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The DCAT-AP export of the demo catalogue against the SEMIC shapes of DCAT-AP 3.0.0 (a copy in
 * the test resources), following the pages as a harvester does.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DcatCatalogueTests {

    private static final String SHAPES = "/standards/dcat-ap-3/dcat-ap-SHACL.ttl";
    private static final Node DATASET = NodeFactory.createURI(DcatExport.DCAT + "Dataset");
    private static final Node DISTRIBUTION = NodeFactory.createURI(DcatExport.DCAT + "Distribution");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private Shapes shapes;

    @BeforeAll
    void catalogueAndShapes() {
        DemoSet.load(app, DemoSet.DATASETS, 50);
        shapes = LinkedData.shapes(SHAPES);
    }

    @Test
    void turtleCatalogueOfTheDemoSetHasZeroViolations() {
        Model catalogue = whole("/catalog.ttl", Lang.TURTLE, "text/turtle");
        assertThat(catalogue.listSubjectsWithProperty(RDF.type, catalogue.createResource(DATASET.getURI())).toList()).hasSize(120);
        assertThat(catalogue.listSubjectsWithProperty(RDF.type, catalogue.createResource(DISTRIBUTION.getURI())).toList().size())
                .isGreaterThan(240);
        LinkedData.assertConforms(shapes, catalogue.getGraph());
    }

    @Test
    void jsonLdCatalogueOfTheDemoSetHasZeroViolations() {
        Model catalogue = whole("/catalog.jsonld", Lang.JSONLD11, "application/ld+json");
        assertThat(catalogue.listSubjectsWithProperty(RDF.type, catalogue.createResource(DATASET.getURI())).toList()).hasSize(120);
        LinkedData.assertConforms(shapes, catalogue.getGraph());
    }

    @Test
    void datasetWithoutPublisherViolatesTheShapes() {
        Model page = LinkedData.parse(fetch("/catalog.ttl?size=5"), Lang.TURTLE);
        var dataset = page.listSubjectsWithProperty(RDF.type, page.createResource(DATASET.getURI())).next();
        page.removeAll(dataset, page.createProperty(DcatExport.DCT, "publisher"), null);
        page.add(dataset, page.createProperty(DcatExport.DCT, "publisher"), page.createResource("http://example.org/untyped"));
        ValidationReport report = ShaclValidator.get().validate(shapes, page.getGraph());
        assertThat(report.conforms()).isFalse();
    }

    private Model whole(String first, Lang lang, String contentType) {
        return LinkedData.allPages(this::fetch, first, lang, contentType, 3);
    }

    @Test
    void unchangedPageAnswersNotModifiedAndAnEditChangesItsEtag() {
        String etag = fetch("/catalog.ttl?page=0").getResponseHeaders().getETag();
        assertThat(etag).startsWith("\"");
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/catalog.ttl?page=0").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isNotModified()
                .expectBody().isEmpty();
        String jsonLd = fetch("/catalog.jsonld?page=0").getResponseHeaders().getETag();
        assertThat(jsonLd).isNotEqualTo(etag);
        client.get().uri("/catalog.ttl?page=1").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isOk();
        DatabaseClient db = app.getBean(DatabaseClient.class);
        String title = db.sql("SELECT title FROM opendata_dataset ORDER BY id LIMIT 1").map(r -> r.get(0, String.class)).one()
                .block(java.time.Duration.ofSeconds(5));
        db.sql("UPDATE opendata_dataset SET title = :t WHERE id = (SELECT min(id) FROM opendata_dataset)").bind("t", title + "（修订）")
                .then().block(java.time.Duration.ofSeconds(5));
        try {
            String changed = fetch("/catalog.ttl?page=0").getResponseHeaders().getETag();
            assertThat(changed).isNotEqualTo(etag);
            client.get().uri("/catalog.ttl?page=0").header(HttpHeaders.IF_NONE_MATCH, etag).exchange().expectStatus().isOk();
        } finally {
            db.sql("UPDATE opendata_dataset SET title = :t WHERE id = (SELECT min(id) FROM opendata_dataset)").bind("t", title)
                    .then().block(java.time.Duration.ofSeconds(5));
        }
    }

    private EntityExchangeResult<byte[]> fetch(String url) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofMinutes(2))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build().get().uri(url).exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }
}
