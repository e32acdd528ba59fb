package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Search ranks only its best {@link SearchStore#RANKED} candidates by ts_rank and keeps the cheap
 * order past them: paging through more matches than that, with a page straddling the boundary,
 * must still give every match exactly once, title matches first.
 */
@PortalTest
class SearchPagingTests {

    private static final int TITLE_MATCHES = 40;
    private static final int BODY_MATCHES = SearchStore.RANKED + 30;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void pagesAcrossTheRankedCandidatesGiveEveryMatchOnceWithTitleMatchesFirst() {
        DisclosureFixture f = new DisclosureFixture(app, port);
        for (int i = 0; i < BODY_MATCHES; i++) {
            f.add("HOUSING", "notice-notice", "关于做好第" + i + "批港口设施检查的通知", null, day(i),
                    "请各单位按要求开展潮汐能电站周边港口设施检查，第" + i + "批名单见附件。");
        }
        for (int i = 0; i < TITLE_MATCHES; i++) {
            f.add("HOUSING", "notice-notice", "潮汐能电站建设第" + i + "号公告", null, day(i + 500), "详见正文。");
        }
        long[] ids = f.load();
        Set<Long> titled = new HashSet<>();
        for (int i = BODY_MATCHES; i < ids.length; i++) {
            titled.add(ids[i]);
        }

        PortalClient anyone = new PortalClient(port);
        List<Long> seen = new ArrayList<>();
        int size = 30; // 200 is no multiple of 30: page 6 holds ranked and unranked rows
        long total = -1;
        for (int page = 0; total < 0 || (long) page * size < total; page++) {
            JsonNode body = DisclosureFixture.json(anyone.get("/api/disclosure/documents?q=潮汐能&size=" + size + "&page=" + page)
                    .expectStatus().isOk());
            total = body.path("total").asLong();
            body.path("items").forEach(hit -> seen.add(hit.path("id").asLong()));
        }

        assertThat(total).isEqualTo(BODY_MATCHES + TITLE_MATCHES);
        assertThat(seen).doesNotHaveDuplicates().hasSize(BODY_MATCHES + TITLE_MATCHES);
        assertThat(new HashSet<>(seen.subList(0, TITLE_MATCHES))).isEqualTo(titled);
    }

    @Test
    void sortNewestAndOldestOrderByDateAndUnknownSortIsAFieldProblem() {
        DisclosureFixture f = new DisclosureFixture(app, port);
        for (int i = 0; i < 5; i++) {
            f.add("HOUSING", "notice-notice", "风电场第" + i + "期建设公告", null, day(1000 + i * 37), "风电场建设进展。");
        }
        f.load();
        PortalClient anyone = new PortalClient(port);
        List<String> newest = new ArrayList<>();
        DisclosureFixture.json(anyone.get("/api/disclosure/documents?q=风电场&sort=newest").expectStatus().isOk())
                .path("items").forEach(hit -> newest.add(hit.path("publishedOn").asString()));
        List<String> oldest = new ArrayList<>();
        DisclosureFixture.json(anyone.get("/api/disclosure/documents?q=风电场&sort=oldest").expectStatus().isOk())
                .path("items").forEach(hit -> oldest.add(hit.path("publishedOn").asString()));

        assertThat(newest).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(oldest).isEqualTo(newest.reversed());
        anyone.get("/api/disclosure/documents?q=风电场&sort=popular").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
    }

    @Test
    void countsOverEveryDocumentFollowEachNewDocumentAtOnce() {
        PortalClient anyone = new PortalClient(port);
        long before = DisclosureFixture.json(anyone.get("/api/disclosure/documents?size=1").expectStatus().isOk())
                .path("total").asLong();
        new DisclosureFixture(app, port).add("HOUSING", "notice-notice", "关于海上风电运维基地建设的公告", null, day(3000),
                "海上风电运维基地建设。").load();

        long after = DisclosureFixture.json(anyone.get("/api/disclosure/documents?size=1").expectStatus().isOk())
                .path("total").asLong();
        assertThat(after).isEqualTo(before + 1);
    }

    private static String day(int n) {
        return java.time.LocalDate.of(2010, 1, 1).plusDays(n).toString();
    }
}
