package org.onestop.opendata.ckan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalTest;
import org.onestop.opendata.demo.DemoSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The CKAN Action API used as a CKAN client (ckanapi, a harvester) uses it: no session, no CSRF
 * token, GET with JSON-encoded parameters or POST with a JSON body; answers checked against the
 * shapes CKAN documents, including its error envelopes.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CkanClientTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private WebTestClient ckan;
    private String airResource;

    @BeforeAll
    void demo() {
        DemoSet.load(app, 28, 3_000);
        ckan = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        JsonNode pkg = ok(get("/api/3/action/package_show?id=air-quality-city"));
        airResource = pkg.path("result").path("resources").get(0).path("id").asString();
    }

    @Test
    void searchesPackagesWithFilterQueryAndFacetsInCkanShape() {
        JsonNode body = ok(get("/api/3/action/package_search?fq={fq}&facet.field={f}&rows=5&sort={s}",
                "groups:environment res_format:CSV", "[\"organization\",\"res_format\",\"groups\",\"license_id\"]", "name asc"));
        assertThat(body.path("help").asString()).endsWith("/api/3/action/help_show?name=package_search");
        JsonNode result = body.path("result");
        assertThat(result.path("count").asInt()).isEqualTo(4);
        assertThat(result.path("results")).hasSize(4);
        List<String> names = new ArrayList<>();
        for (JsonNode p : result.path("results")) {
            names.add(p.path("name").asString());
            assertThat(p.path("groups").get(0).path("name").asString()).isEqualTo("environment");
            assertThat(p.path("organization").path("is_organization").asBoolean()).isTrue();
            assertThat(p.path("num_resources").asInt()).isEqualTo(p.path("resources").size());
            assertThat(p.path("metadata_modified").asString()).matches("\\d{4}-\\d{2}-\\d{2}T[\\d:.]+");
        }
        assertThat(names).isSorted();
        assertThat(result.path("facets").path("groups").path("environment").asInt()).isEqualTo(4);
        JsonNode formats = result.path("search_facets").path("res_format");
        assertThat(formats.path("title").asString()).isEqualTo("res_format");
        JsonNode csv = null;
        for (JsonNode item : formats.path("items")) {
            csv = item.path("name").asString().equals("CSV") ? item : csv;
        }
        assertThat(csv).isNotNull();
        assertThat(csv.path("count").asInt()).isEqualTo(4);
        assertThat(result.path("facets").path("res_format").path("CSV").asInt()).isEqualTo(4);
        assertThat(result.path("search_facets").path("organization").path("items").get(0).has("display_name")).isTrue();
    }

    @Test
    void pagesPackageSearchWithStartAndRows() {
        JsonNode first = ok(get("/api/3/action/package_search?rows=10&start=0&sort=name asc")).path("result");
        JsonNode second = ok(get("/api/3/action/package_search?rows=10&start=10&sort=name asc")).path("result");
        assertThat(first.path("count").asInt()).isEqualTo(28);
        assertThat(first.path("results").get(9).path("name").asString())
                .isLessThan(second.path("results").get(0).path("name").asString());
    }

    @Test
    void showsPackageAndResourceWithDatastoreFlag() {
        JsonNode pkg = ok(get("/api/3/action/package_show?id=air-quality-city")).path("result");
        assertThat(pkg.path("title").asString()).isEqualTo("全市空气质量小时监测数据");
        assertThat(pkg.path("license_id").asString()).isEqualTo("cc-by-4.0");
        JsonNode csv = pkg.path("resources").get(0);
        assertThat(csv.path("format").asString()).isEqualTo("CSV");
        assertThat(csv.path("datastore_active").asBoolean()).isTrue();
        assertThat(csv.path("url").asString()).endsWith("/api/opendata/resources/" + airResource + "/download");
        JsonNode resource = ok(get("/api/3/action/resource_show?id=" + airResource)).path("result");
        assertThat(resource.path("package_id").asString()).isEqualTo(pkg.path("id").asString());
        assertThat(resource.path("hash").asString()).startsWith("sha256:");
    }

    @Test
    void listsOrganizationsAndGroups() {
        JsonNode orgs = ok(get("/api/3/action/organization_list")).path("result");
        assertThat(orgs.size()).isGreaterThan(5);
        assertThat(orgs.get(0).isString()).isTrue();
        JsonNode full = ok(get("/api/3/action/organization_list?all_fields=true")).path("result");
        assertThat(full.get(0).path("package_count").asInt()).isPositive();
        JsonNode groups = ok(get("/api/3/action/group_list?all_fields=true")).path("result");
        assertThat(groups).hasSize(9);
        long total = 0;
        for (JsonNode g : groups) {
            total += g.path("package_count").asLong();
        }
        assertThat(total).isEqualTo(28);
    }

    @Test
    void queriesDatastoreWithFiltersSortAndNextLink() {
        JsonNode result = ok(get("/api/3/action/datastore_search?resource_id={id}&filters={f}&sort={s}&limit=5",
                airResource, "{\"district\":\"市南区\"}", "aqi desc")).path("result");
        assertThat(result.path("total").asInt()).isEqualTo(300);
        assertThat(result.path("limit").asInt()).isEqualTo(5);
        assertThat(result.path("fields").get(0).path("id").asString()).isEqualTo("_id");
        assertThat(result.path("fields").get(0).path("type").asString()).isEqualTo("int");
        JsonNode records = result.path("records");
        assertThat(records).hasSize(5);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).path("district").asString()).isEqualTo("市南区");
            if (i > 0) {
                assertThat(records.get(i - 1).path("aqi").asInt()).isGreaterThanOrEqualTo(records.get(i).path("aqi").asInt());
            }
        }
        String next = result.path("_links").path("next").asString();
        assertThat(next).startsWith("/api/3/action/datastore_search?").contains("offset=5");
        JsonNode page2 = ok(ckan.get().uri(java.net.URI.create("http://localhost:" + port + next)).exchange()).path("result");
        assertThat(page2.path("offset").asInt()).isEqualTo(5);
        assertThat(page2.path("records").get(0).path("aqi").asInt()).isLessThanOrEqualTo(records.get(4).path("aqi").asInt());
        assertThat(page2.path("records").get(0).path("_id").asLong()).isNotEqualTo(records.get(4).path("_id").asLong());
    }

    @Test
    void queriesDatastoreByPostWithRangeFieldsAndFullText() {
        JsonNode result = ok(ckan.post().uri("/api/3/action/datastore_search").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resource_id", airResource, "filters", Map.of("aqi", Map.of("gte", 60, "lt", 80)),
                        "fields", List.of("station", "aqi"), "q", "第2监测站", "limit", 50))
                .exchange()).path("result");
        assertThat(result.path("fields")).hasSize(2);
        assertThat(result.path("total").asInt()).isPositive();
        for (JsonNode r : result.path("records")) {
            assertThat(r.path("aqi").asInt()).isBetween(60, 79);
            assertThat(r.path("station").asString()).contains("第2监测站");
            assertThat(r.has("pm25")).isFalse();
        }
    }

    @Test
    void refusesUnknownFilterFieldWithValidationError() {
        JsonNode error = failed(get("/api/3/action/datastore_search?resource_id={id}&filters={f}", airResource,
                "{\"password\":\"x\"}"), 409);
        assertThat(error.path("__type").asString()).isEqualTo("Validation Error");
        assertThat(error.path("filters").get(0).asString()).isEqualTo("field \"password\" not in table");
    }

    @Test
    void refusesBadSortAndSqlInSortWithValidationError() {
        assertThat(failed(get("/api/3/action/datastore_search?resource_id={id}&sort={s}", airResource, "nosuch desc"), 409)
                .path("sort").get(0).asString()).contains("nosuch");
        assertThat(failed(get("/api/3/action/datastore_search?resource_id={id}&sort={s}", airResource,
                "aqi; DROP TABLE opendata_dataset"), 409).path("__type").asString()).isEqualTo("Validation Error");
        assertThat(failed(get("/api/3/action/datastore_search?resource_id={id}&fields={s}", airResource,
                "aqi,(select 1)"), 409).path("fields")).hasSize(1);
    }

    @Test
    void bindsSqlLookingValuesSoTheyMatchNothing() {
        JsonNode result = ok(get("/api/3/action/datastore_search?resource_id={id}&filters={f}&q={q}", airResource,
                "{\"district\":\"市南区' OR '1'='1\"}", "'; DROP TABLE opendata_dataset; --")).path("result");
        assertThat(result.path("total").asInt()).isZero();
        assertThat(ok(get("/api/3/action/package_list")).path("result")).hasSize(28);
        assertThat(failed(get("/api/3/action/datastore_search?resource_id={id}&filters={f}", airResource,
                "{\"aqi\":\"1 OR 1=1\"}"), 409).path("filters").get(0).asString()).contains("not a valid int");
    }

    @Test
    void refusesHugeLimitAndRowsWithValidationError() {
        JsonNode limit = failed(get("/api/3/action/datastore_search?resource_id={id}&limit=1000000000", airResource), 409);
        assertThat(limit.path("limit").get(0).asString()).isEqualTo("Must be less than or equal to 32000");
        assertThat(failed(get("/api/3/action/package_search?rows=5000"), 409).path("rows").get(0).asString())
                .isEqualTo("Must be less than or equal to 1000");
        assertThat(failed(get("/api/3/action/datastore_search?resource_id={id}&offset=-1", airResource), 409).has("offset")).isTrue();
    }

    @Test
    void refusesMalformedAndUnknownFilterQueriesWithSearchQueryError() {
        for (String fq : List.of("organization:(ecoenv OR", "groups:\"environment", "notes:x", "groups:", "*:* OR 1")) {
            JsonNode error = failed(get("/api/3/action/package_search?fq={fq}", fq), 409);
            assertThat(error.path("__type").asString()).as(fq).isEqualTo("Search Query Error");
            assertThat(error.path("message").asString()).startsWith("Search Query is invalid");
        }
        assertThat(failed(get("/api/3/action/package_search?sort={s}", "popularity desc"), 409).path("__type").asString())
                .isEqualTo("Search Error");
        assertThat(failed(get("/api/3/action/package_search?facet.field={f}", "[\"secret\"]"), 409).has("facet.field")).isTrue();
    }

    @Test
    void answersMissingThingsWithNotFoundAndUnknownActionWithBadRequest() {
        assertThat(failed(get("/api/3/action/package_show?id=no-such"), 404).path("__type").asString()).isEqualTo("Not Found Error");
        assertThat(failed(get("/api/3/action/datastore_search?resource_id=999999"), 404).path("message").asString())
                .isEqualTo("Resource \"999999\" was not found.");
        assertThat(failed(get("/api/3/action/package_show"), 409).path("id").get(0).asString()).isEqualTo("Missing value");
        assertThat(failed(get("/api/3/action/package_create"), 400).path("__type").asString()).isEqualTo("Bad Request");
        assertThat(failed(ckan.post().uri("/api/3/action/datastore_search").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json").exchange(), 400).path("message").asString()).startsWith("Bad request - JSON Error");
        assertThat(failed(get("/api/3/action/datastore_search?resource_id={id}&filters={f}", airResource, "{broken"), 409)
                .has("filters")).isTrue();
    }

    @Test
    void refusesUnknownApiKeyWithAuthorizationError() {
        JsonNode error = failed(ckan.get().uri("/api/3/action/package_list").header("Authorization", "od_00000000_"
                + "0".repeat(40)).exchange(), 403);
        assertThat(error.path("__type").asString()).isEqualTo("Authorization Error");
    }

    private WebTestClient.ResponseSpec get(String uri, Object... vars) {
        return ckan.get().uri(uri, vars).exchange();
    }

    private static JsonNode ok(WebTestClient.ResponseSpec response) {
        JsonNode body = json(response.expectStatus().isOk());
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.has("result")).isTrue();
        return body;
    }

    private static JsonNode failed(WebTestClient.ResponseSpec response, int status) {
        JsonNode body = json(response.expectStatus().isEqualTo(status));
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("help").asString()).contains("/api/3/action/help_show?name=");
        assertThat(body.has("result")).isFalse();
        return body.path("error");
    }
}
