package org.onestop.mailbox.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people of a consultation, signed in over HTTP: an official of 市人社局 (HRSS) who publishes,
 * an official of another department, and a moderator; plus the movable clock and the database.
 */
final class ConsultationFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final ApplicationContext app;
    final int port;
    final String prefix;
    final MovableClock clock;
    final DatabaseClient db;
    final PortalClient official;
    final PortalClient otherOfficial;
    final PortalClient moderator;
    final long officialId;
    final long moderatorId;
    final long hrss;

    ConsultationFixture(ApplicationContext app, int port, String prefix) {
        this.app = app;
        this.port = port;
        this.prefix = prefix;
        this.clock = app.getBean(MovableClock.class);
        this.db = app.getBean(DatabaseClient.class);
        this.officialId = TestAccounts.staff(app, prefix + "_off", "HRSS", Role.OFFICIAL);
        TestAccounts.staff(app, prefix + "_edu", "EDU", Role.OFFICIAL);
        this.moderatorId = TestAccounts.staff(app, prefix + "_mod", null, Role.MODERATOR);
        this.official = new PortalClient(port).login(prefix + "_off", TestAccounts.PASSWORD);
        this.otherOfficial = new PortalClient(port).login(prefix + "_edu", TestAccounts.PASSWORD);
        this.moderator = new PortalClient(port).login(prefix + "_mod", TestAccounts.PASSWORD);
        this.hrss = db.sql("SELECT id FROM department WHERE code = 'HRSS'").map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
    }

    PortalClient citizen(String name) {
        TestAccounts.citizen(app, prefix + "_" + name);
        return new PortalClient(port).login(prefix + "_" + name, TestAccounts.PASSWORD);
    }

    Instant now() {
        return clock.instant();
    }

    static Map<String, Object> draft(String title, Instant opensAt, Instant closesAt) {
        return Map.of("title", title, "summary", "征求社会各界对《" + title + "》的意见。",
                "text", "第一条 为了规范本市就业补贴的发放，制定本办法。\n\n第二条 本办法适用于本市行政区域内的就业补贴。",
                "opensAt", opensAt.toString(), "closesAt", closesAt.toString());
    }

    /** Publishes a draft whose window opens an hour from now and lasts the given number of days. */
    long upcoming(String title, int days) {
        Instant opens = now().plus(Duration.ofHours(1));
        return json(official.post("/api/consultations", draft(title, opens, opens.plus(Duration.ofDays(days))))
                .expectStatus().isCreated()).get("id").asLong();
    }

    /** Publishes a draft and moves the clock into its window. */
    long open(String title) {
        long id = upcoming(title, 7);
        clock.advance(Duration.ofHours(2));
        return id;
    }

    /** Moves the clock past the end of every window opened so far (they last at most 90 days). */
    void closeAll() {
        clock.advance(Duration.ofDays(91));
    }

    long comment(PortalClient who, long consultationId, String text, boolean anonymous) {
        return json(who.post("/api/consultations/" + consultationId + "/comments", Map.of("text", text, "anonymous", anonymous))
                .expectStatus().isCreated()).get("id").asLong();
    }

    List<JsonNode> comments(PortalClient who, long consultationId, String query) {
        return json(who.get("/api/consultations/" + consultationId + "/comments" + query).expectStatus().isOk())
                .get("items").valueStream().toList();
    }

    long count(String sql, Object... binds) {
        var spec = db.sql(sql);
        for (int i = 0; i < binds.length; i++) {
            spec = spec.bind(i, binds[i]);
        }
        return spec.map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }
}
