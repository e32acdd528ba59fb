package org.onestop.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.opendata.demo.DemoSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The portal's datastore endpoint (JSON and CSV, problem+json errors) and the dataset page preview. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatastoreEndpointTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private long bus;

    @BeforeAll
    void demo() {
        DemoSet.load(app, 2, 2_000);
        bus = app.getBean(DatasetStore.class).byName("bus-ridership-2016-2025").block().resources().get(0).id();
    }

    @Test
    void streamsCsvWithHeaderAndOnlyTheChosenFields() {
        byte[] body = new PortalClient(port).http().get()
                .uri("/api/opendata/datastore/{id}?format=csv&fields=line,boardings&filters={f}&sort=boardings desc&limit=10", bus,
                        "{\"line\":[\"1路\",\"2路\"]}")
                .exchange().expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody().returnResult().getResponseBodyContent();
        String[] lines = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).isEqualTo("line,boardings");
        assertThat(lines).hasSize(11);
        long previous = Long.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            assertThat(cells[0]).isIn("1路", "2路");
            assertThat(Long.parseLong(cells[1])).isLessThanOrEqualTo(previous);
            previous = Long.parseLong(cells[1]);
        }
    }

    @Test
    void filtersByDateRangeAndGivesTotalAndNextLink() {
        JsonNode body = json(new PortalClient(port).http().get()
                .uri("/api/opendata/datastore/{id}?filters={f}&limit=10", bus,
                        "{\"service_date\":{\"gte\":\"2016-01-02\",\"lt\":\"2016-01-04\"}}").exchange().expectStatus().isOk());
        assertThat(body.path("total").asInt()).isEqualTo(600);
        assertThat(body.path("records")).hasSize(10);
        assertThat(body.path("records").get(0).path("service_date").asString()).isBetween("2016-01-02", "2016-01-03");
        assertThat(body.path("_links").path("next").asString()).contains("offset=10");
    }

    @Test
    void answersBadQueriesWithProblemDetails() {
        JsonNode problem = json(new PortalClient(port).http().get()
                .uri("/api/opendata/datastore/{id}?filters={f}&sort={s}&limit=99999", bus, "{\"nope\":1}", "boardings sideways")
                .exchange().expectStatus().isBadRequest().expectHeader().contentType("application/problem+json"));
        assertThat(problem.path("errors").toString()).contains("filters", "sort", "limit");
        new PortalClient(port).http().get().uri("/api/opendata/datastore/{id}?filters={f}", bus, "[1,2]").exchange()
                .expectStatus().isBadRequest();
        new PortalClient(port).http().get().uri("/api/opendata/datastore/{id}?format=xml", bus).exchange().expectStatus().isBadRequest();
        new PortalClient(port).get("/api/opendata/datastore/424242").expectStatus().isNotFound();
    }

    @Test
    void previewsFirstHundredRowsWithLabels() {
        JsonNode preview = json(new PortalClient(port).get("/api/opendata/resources/" + bus + "/preview").expectStatus().isOk());
        assertThat(preview.path("records")).hasSize(100);
        assertThat(preview.path("total").asInt()).isEqualTo(2_000);
        assertThat(preview.path("fields").get(1).path("label").asString()).isEqualTo("线路");
    }
}
