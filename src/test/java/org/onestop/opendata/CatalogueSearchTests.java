package org.onestop.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.util.ArrayList;
import java.util.List;
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

/** The public catalogue over the demo set: facets, filters, sorting and refused parameters. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueSearchTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @BeforeAll
    void demo() {
        DemoSet.load(app, DemoSet.DATASETS, 200);
    }

    @Test
    void listsAllDatasetsWithFacetsOverNineThemes() {
        JsonNode body = json(new PortalClient(port).get("/api/opendata/datasets?size=100").expectStatus().isOk());
        assertThat(body.path("total").asLong()).isEqualTo(120);
        assertThat(body.path("items")).hasSize(100);
        assertThat(body.path("facets").path("theme")).hasSize(9);
        long sum = 0;
        for (JsonNode v : body.path("facets").path("theme")) {
            sum += v.path("count").asLong();
        }
        assertThat(sum).isEqualTo(120);
        assertThat(values(body.path("facets").path("format"))).contains("CSV", "JSON", "XLSX", "GEOJSON", "API");
        assertThat(values(body.path("facets").path("licence"))).contains("cc-by-4.0", "cc0-1.0", "odc-odbl");
        assertThat(body.path("facets").path("department").size()).isGreaterThan(10);
    }

    @Test
    void filtersByThemeAndFormatThenFacetsCountOnlyMatches() {
        JsonNode body = json(new PortalClient(port).get("/api/opendata/datasets?theme=transport&format=GEOJSON").expectStatus().isOk());
        assertThat(body.path("total").asLong()).isPositive();
        for (JsonNode item : body.path("items")) {
            assertThat(item.path("theme").path("code").asString()).isEqualTo("transport");
            assertThat(values(item.path("formats"))).contains("GEOJSON");
        }
        assertThat(body.path("facets").path("theme")).hasSize(1);
        assertThat(body.path("facets").path("theme").get(0).path("label").asString()).isEqualTo("交通出行");
    }

    @Test
    void ranksTitleMatchesFirstWhenSearchingChineseTerms() {
        JsonNode body = json(new PortalClient(port).get("/api/opendata/datasets?q=空气质量 市南区").expectStatus().isOk());
        assertThat(body.path("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(body.path("items").get(0).path("title").asString()).isEqualTo("市南区空气质量小时监测数据");
    }

    @Test
    void sortsByNameAndByLastUpdate() {
        PortalClient client = new PortalClient(port);
        JsonNode updated = json(client.get("/api/opendata/datasets?sort=updated&size=50").expectStatus().isOk()).path("items");
        for (int i = 1; i < updated.size(); i++) {
            assertThat(updated.get(i - 1).path("updatedAt").asString().compareTo(updated.get(i).path("updatedAt").asString()))
                    .isGreaterThanOrEqualTo(0);
        }
        JsonNode byName = json(client.get("/api/opendata/datasets?sort=name&theme=health").expectStatus().isOk()).path("items");
        assertThat(byName.size()).isGreaterThan(1);
        assertThat(byName.get(0).path("title").asString()).startsWith("2016");
    }

    @Test
    void refusesUnknownThemeAndSortWithProblemDetails() {
        JsonNode body = json(new PortalClient(port).get("/api/opendata/datasets?theme=weather&sort=popularity")
                .expectStatus().isBadRequest());
        assertThat(values(body.path("errors"), "field")).containsExactlyInAnyOrder("theme", "sort");
    }

    @Test
    void showsDatasetWithResourcesHistoryAndQualityScore() {
        JsonNode body = json(new PortalClient(port).get("/api/opendata/datasets/parking-lots-city").expectStatus().isOk());
        assertThat(body.path("theme").path("code").asString()).isEqualTo("transport");
        assertThat(body.path("resources").size()).isGreaterThanOrEqualTo(2);
        assertThat(body.path("resources").get(0).path("fields").get(0).path("label").asString()).isEqualTo("停车场");
        assertThat(body.path("history")).hasSize(2);
        assertThat(body.path("quality").path("total").asInt()).isBetween(60, 100);
        assertThat(body.path("quality").path("parts")).hasSize(6);
    }

    @Test
    void answersUnknownDatasetWithNotFound() {
        new PortalClient(port).get("/api/opendata/datasets/no-such-dataset").expectStatus().isNotFound();
    }

    private static List<String> values(JsonNode array) {
        return values(array, "value");
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isString() ? n.asString() : n.path(field).asString()));
        return out;
    }
}
