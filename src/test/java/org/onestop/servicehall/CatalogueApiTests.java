package org.onestop.servicehall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue API over a generated catalogue, checked against counts made here from the drafts. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueApiTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    JsonMapper json;

    private List<ServiceDraft> drafts;

    @BeforeAll
    void catalogue() {
        drafts = CatalogueFixture.load(app, 600);
    }

    private JsonNode get(String path) {
        byte[] body = new PortalClient(port).get(path).expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    private static boolean audience(ServiceDraft s, String audience) {
        return s.audience().equals(audience) || s.audience().equals("both") && !audience.equals("both");
    }

    private static Map<String, Long> facet(JsonNode listing, String name) {
        Map<String, Long> counts = new HashMap<>();
        listing.path("facets").path(name).forEach(v -> counts.put(v.path("value").asString(), v.path("count").asLong()));
        return counts;
    }

    private static boolean isEvent(String concept) {
        return !concept.startsWith("t-");
    }

    @Test
    void filtersAndFacetCountsMatchCountsComputedFromTheCatalogue() {
        JsonNode listing = get("/api/services?audience=citizen&depth=4&size=100");
        Predicate<ServiceDraft> citizen = s -> audience(s, "citizen");
        Predicate<ServiceDraft> depth4 = s -> s.onlineDepth() == 4;
        List<ServiceDraft> expected = drafts.stream().filter(citizen.and(depth4)).toList();
        assertThat(listing.path("total").asLong()).isEqualTo(expected.size());
        assertThat(listing.path("items").size()).isEqualTo(Math.min(100, expected.size()));
        listing.path("items").forEach(item -> {
            assertThat(item.path("onlineDepth").asInt()).isEqualTo(4);
            assertThat(item.path("audience").asString()).isIn("citizen", "both");
        });

        assertThat(facet(listing, "department")).as("departments, over audience and depth")
                .isEqualTo(expected.stream().collect(Collectors.groupingBy(ServiceDraft::departmentCode, Collectors.counting())));
        assertThat(facet(listing, "depth")).as("depths, over audience only").isEqualTo(drafts.stream().filter(citizen)
                .collect(Collectors.groupingBy(s -> String.valueOf(s.onlineDepth()), Collectors.counting())));
        assertThat(facet(listing, "audience")).as("audiences, over depth only").isEqualTo(Map.of(
                "citizen", drafts.stream().filter(depth4).filter(s -> audience(s, "citizen")).count(),
                "enterprise", drafts.stream().filter(depth4).filter(s -> audience(s, "enterprise")).count(),
                "both", drafts.stream().filter(depth4).filter(s -> s.audience().equals("both")).count()));
        assertThat(facet(listing, "lifeEvent")).as("events, over audience and depth").isEqualTo(expected.stream()
                .flatMap(s -> s.concepts().stream().filter(CatalogueApiTests::isEvent))
                .collect(Collectors.groupingBy(c -> c, Collectors.counting())));
    }

    @Test
    void everyFilterTogetherSelectsWhatTheCatalogueHolds() {
        JsonNode listing = get("/api/services?department=PSB&lifeEvent=travel&online=true&size=100");
        long expected = drafts.stream().filter(s -> s.departmentCode().equals("PSB") && s.concepts().contains("travel")
                && s.fullyOnline()).count();
        assertThat(expected).isPositive();
        assertThat(listing.path("total").asLong()).isEqualTo(expected);
        listing.path("items").forEach(item -> {
            assertThat(item.path("department").path("code").asString()).isEqualTo("PSB");
            assertThat(item.path("fullyOnline").asBoolean()).isTrue();
        });
        assertThat(facet(listing, "lifeEvent").get("travel")).isEqualTo(expected);
        assertThat(facet(listing, "department").get("PSB")).isEqualTo(expected);

        long enterprise = drafts.stream().filter(s -> audience(s, "enterprise") && s.onlineDepth() < 4).count();
        long depth3 = drafts.stream().filter(s -> audience(s, "enterprise") && s.onlineDepth() == 3).count();
        assertThat(get("/api/services?audience=enterprise&online=false&depth=3").path("total").asLong()).isEqualTo(
                drafts.stream().filter(s -> audience(s, "enterprise") && !s.fullyOnline() && s.onlineDepth() == 3).count());
        assertThat(enterprise).isGreaterThanOrEqualTo(depth3);
    }

    @Test
    void pagesWalkTheWholeFilteredCatalogueOnce() {
        long total = drafts.stream().filter(s -> s.concepts().contains("start-business")).count();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int page = 0; page * 25 < total; page++) {
            get("/api/services?lifeEvent=start-business&size=25&page=" + page).path("items")
                    .forEach(item -> seen.add(item.path("code").asString()));
        }
        assertThat(seen).hasSize((int) total);
    }

    @Test
    void onlineRateIsTheFullyOnlineShareOfTheCatalogue() {
        JsonNode stats = get("/api/services/stats");
        long online = drafts.stream().filter(ServiceDraft::fullyOnline).count();
        assertThat(stats.path("total").asLong()).isEqualTo(drafts.size());
        assertThat(stats.path("fullyOnline").asLong()).isEqualTo(online);
        assertThat(stats.path("onlineRate").asDouble()).isCloseTo((double) online / drafts.size(), within(1e-9));
        assertThat(online).isLessThan(drafts.size()).isPositive();
    }

    @Test
    void guideShowsEverythingTheServiceWasLoadedWith() {
        ServiceDraft transfer = drafts.stream().filter(s -> s.nameZh().equals("普通高中转学")).findFirst().orElseThrow();
        JsonNode guide = get("/api/services/" + transfer.code());
        assertThat(guide.path("name").asString()).isEqualTo("普通高中转学");
        assertThat(guide.path("nameEn").asString()).isEqualTo(transfer.nameEn());
        assertThat(guide.path("department").path("name").asString()).isEqualTo("市教育局");
        assertThat(guide.path("onlineDepth").asInt()).isEqualTo(4);
        assertThat(guide.path("fullyOnline").asBoolean()).isTrue();
        assertThat(guide.path("lifeEvents").get(0).path("nameEn").asString()).isEqualTo("Going to school");
        assertThat(guide.path("themes").get(0).path("code").asString()).isEqualTo("t-education");
        assertThat(guide.path("legalBasis").path("text").asString()).contains("《普通高中学籍管理办法》");
        assertThat(guide.path("materials").size()).isEqualTo(transfer.materials().size());
        assertThat(guide.path("materials").get(0).path("template").asString()).isEqualTo("普通高中转学申请表.docx");
        assertThat(guide.path("steps").size()).isEqualTo(transfer.steps().size());
        assertThat(guide.path("statutoryDays").asInt()).isEqualTo(10);
        assertThat(guide.path("promisedDays").asInt()).isEqualTo(transfer.promisedDays());
    }

    @Test
    void lifeEventsComeWithEnglishLabelsAndWithoutThemes() {
        JsonNode events = get("/api/services/life-events");
        Map<String, String> english = new HashMap<>();
        events.forEach(e -> english.put(e.path("name").asString(), e.path("nameEn").asString()));
        assertThat(english).containsEntry("出生", "Birth").containsEntry("开办企业", "Starting a business")
                .containsKeys("入学", "就业", "婚育", "住房", "退休", "就医", "出行", "纳税");
        events.forEach(e -> assertThat(e.path("scheme").asString()).isIn("life-event", "business-event"));
    }

    @Test
    void badFilterValuesAreFieldProblems() {
        new PortalClient(port).language("en")
                .get("/api/services?department=NOPE&audience=aliens&lifeEvent=t-education&depth=5&online=maybe")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'department')].code").isEqualTo("unknown_department")
                .jsonPath("$.errors[?(@.field == 'audience')].code").isEqualTo("servicehall.audience")
                .jsonPath("$.errors[?(@.field == 'lifeEvent')].code").isEqualTo("servicehall.life_event")
                .jsonPath("$.errors[?(@.field == 'depth')].code").isEqualTo("servicehall.depth")
                .jsonPath("$.errors[?(@.field == 'online')].code").isEqualTo("servicehall.online")
                .jsonPath("$.errors[?(@.field == 'depth')].message").isEqualTo("The online depth must be a level from 1 to 4.");
        new PortalClient(port).get("/api/services?depth=abc").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("depth");
        new PortalClient(port).get("/api/services?size=1000").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void unknownServiceCodeIsNotFound() {
        new PortalClient(port).get("/api/services/370200-NOPE-0001").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:onestop:problem:not-found");
        new PortalClient(port).get("/api/services/370200-NOPE-0001/cpsv.ttl").expectStatus().isNotFound();
    }
}
