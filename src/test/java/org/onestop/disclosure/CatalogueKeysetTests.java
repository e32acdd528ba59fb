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

/** Keyset pages of a catalogue stay exact while documents are published between page requests. */
@PortalTest
class CatalogueKeysetTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void catalogueGainingDocumentsBetweenPagesHasNoDuplicatesAndSkipsNone() {
        DisclosureFixture f = new DisclosureFixture(app, port);
        // 45 documents over 15 days, three a day, so pages end in the middle of a day and the id tiebreak matters.
        for (int i = 0; i < 45; i++) {
            f.add("AUDIT", i % 2 == 0 ? "notice-notice" : "normative-dept", "审计公告第" + i + "号",
                    null, "2025-03-%02d".formatted(1 + i / 3), "审计结果公告正文" + i);
        }
        long[] original = f.load();
        f.add("DRC", "notice-notice", "其他部门的通知", null, "2025-03-05", "不属于本目录");
        f.load();
        long department = f.department("AUDIT").id();
        PortalClient anyone = f.anonymous();
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = "/api/disclosure/catalogue?department=" + department + "&size=7" + (cursor == null ? "" : "&after=" + cursor);
            JsonNode page = DisclosureFixture.json(anyone.get(uri).expectStatus().isOk());
            page.path("items").forEach(item -> seen.add(item.path("id").asLong()));
            cursor = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asString();
            // Between pages: newer documents (above the cursor), older ones (below it) and one on a page boundary's day.
            if (pages < 4) {
                f.add("AUDIT", "notice-notice", "新增公告" + pages, null, "2025-04-0" + (1 + pages), "新增");
                f.add("AUDIT", "notice-notice", "补录公告" + pages, null, "2025-02-0" + (1 + pages), "补录");
                f.add("AUDIT", "notice-notice", "同日公告" + pages, null, "2025-03-08", "同日");
                f.load();
            }
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(new HashSet<>(seen)).as("no duplicates").hasSameSizeAs(seen);
        Set<Long> all = new HashSet<>(seen);
        for (long id : original) {
            assertThat(all).as("document %d not skipped", id).contains(id);
        }
        assertThat(seen).as("documents added below the cursor appear, newest first").hasSizeGreaterThan(original.length);
    }

    @Test
    void catalogueIsNewestFirstWithIdTiebreakAndFiltersByCategoryTree() {
        DisclosureFixture f = new DisclosureFixture(app, port);
        f.add("SAMR", "normative-dept", "甲", null, "2024-01-01", "甲").add("SAMR", "normative-gov", "乙", null, "2024-01-01", "乙")
                .add("SAMR", "notice-notice", "丙", null, "2024-06-01", "丙");
        long[] ids = f.load();
        long department = f.department("SAMR").id();
        JsonNode page = DisclosureFixture.json(f.anonymous()
                .get("/api/disclosure/catalogue?department=" + department + "&category=normative").expectStatus().isOk());
        assertThat(page.path("items").valueStream().map(i -> i.path("id").asLong())).containsExactly(ids[1], ids[0]);
        assertThat(page.path("next").isNull()).isTrue();
    }
}
