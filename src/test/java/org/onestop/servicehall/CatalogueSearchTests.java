package org.onestop.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/** Keyword search of the catalogue, in Chinese, English and both, checked against the loaded drafts. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueSearchTests {

    private static final String HIGH_SCHOOL_TRANSFER = "370200-EDU-0001";
    private static final String JUNIOR_SCHOOL_TRANSFER = "370200-EDU-0002";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    JsonMapper json;

    private List<ServiceDraft> drafts;

    @BeforeAll
    void catalogue() {
        // The same catalogue as CatalogueApiTests (loading is idempotent), so neither disturbs the other's counts.
        drafts = CatalogueFixture.load(app, 600);
    }

    private JsonNode get(String path) {
        byte[] body = new PortalClient(port).get(path).expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    private static List<String> codes(JsonNode listing) {
        List<String> codes = new ArrayList<>();
        listing.path("items").forEach(item -> codes.add(item.path("code").asString()));
        return codes;
    }

    @Test
    void chineseWordFindsTheSchoolTransfersFirstAndEveryServiceMentioningIt() {
        JsonNode listing = get("/api/services?q=转学&size=50");

        long mentioning = drafts.stream().filter(d -> (d.nameZh() + d.descriptionZh() + d.resultName()).contains("转学")).count();
        assertThat(listing.path("total").asLong()).isEqualTo(mentioning);
        assertThat(codes(listing).subList(0, 2)).containsExactlyInAnyOrder(HIGH_SCHOOL_TRANSFER, JUNIOR_SCHOOL_TRANSFER);
    }

    @Test
    void englishWordsAreStemmedAndNamesRankFirst() {
        assertThat(codes(get("/api/services?q=school transfers")).subList(0, 2))
                .containsExactlyInAnyOrder(HIGH_SCHOOL_TRANSFER, JUNIOR_SCHOOL_TRANSFER);

        JsonNode transfers = get("/api/services?q=Transferring&size=100");
        assertThat(transfers.path("total").asLong()).isGreaterThan(2);
        transfers.path("items").forEach(item -> assertThat(drafts.stream()
                .filter(d -> d.code().equals(item.path("code").asString()))
                .map(d -> (d.nameEn() + " " + d.descriptionEn()).toLowerCase(Locale.ROOT)).findFirst().orElseThrow())
                .contains("transfer"));
    }

    @Test
    void mixedQueryNeedsBothLanguages() {
        JsonNode listing = get("/api/services?q=高中 transfer");
        assertThat(codes(listing)).contains(HIGH_SCHOOL_TRANSFER).doesNotContain(JUNIOR_SCHOOL_TRANSFER);
    }

    @Test
    void facetsCountOnlyTheMatches() {
        JsonNode listing = get("/api/services?q=登记");
        long total = listing.path("total").asLong();
        long byDepartment = 0;
        for (JsonNode v : listing.path("facets").path("department")) {
            byDepartment += v.path("count").asLong();
        }
        assertThat(total).isPositive().isLessThan(drafts.size());
        assertThat(byDepartment).isEqualTo(total);
    }

    @Test
    void symbolsAndEmojiMatchNothingAndNeverFail() {
        for (String q : List.of("😀🎉", "!@#$%^&*()", "' OR 1=1 --", "<script>", "a & b | !c", "\\", "the")) {
            JsonNode listing = get("/api/services?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(listing.path("items").isArray()).as(q).isTrue();
        }
        assertThat(get("/api/services?q=😀").path("total").asLong()).isZero();
    }

    @Test
    void overlongQueryIsAFieldProblem() {
        new PortalClient(port).get("/api/services?q=" + "转".repeat(Catalogue.MAX_QUERY_LENGTH + 1))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }
}
