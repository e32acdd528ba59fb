package org.onestop.inquiry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A live session with its moderator and official, and netizens to ask and watch, over HTTP. */
final class InquiryFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final int port;
    final String prefix;
    final long moderatorId;
    final long officialId;
    final PortalClient moderator;
    final PortalClient official;
    long sessionId;

    InquiryFixture(ApplicationContext app, int port, String prefix) {
        this.port = port;
        this.prefix = prefix;
        this.moderatorId = TestAccounts.staff(app, prefix + "_mod", null, Role.MODERATOR);
        this.officialId = TestAccounts.staff(app, prefix + "_off", "HRSS", Role.OFFICIAL);
        this.moderator = new PortalClient(port).login(prefix + "_mod", TestAccounts.PASSWORD);
        this.official = new PortalClient(port).login(prefix + "_off", TestAccounts.PASSWORD);
    }

    /** Schedules a session (moderator, official assigned) and, if asked, starts it. */
    InquiryFixture session(ApplicationContext app, boolean start) {
        long hrss = app.getBean(DatabaseClient.class).sql("SELECT id FROM department WHERE code = 'HRSS'")
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        Instant startsAt = Instant.now().plusSeconds(3600);
        JsonNode session = json(moderator.post("/api/inquiry/sessions", Map.of(
                "title", "就业创业政策在线访谈", "description", "市人社局解读最新就业创业扶持政策。",
                "departmentId", hrss, "startsAt", startsAt.toString(), "endsAt", startsAt.plusSeconds(7200).toString(),
                "officialIds", List.of(officialId), "moderatorIds", List.of(moderatorId))).expectStatus().isCreated());
        sessionId = session.get("id").asLong();
        if (start) {
            moderator.post("/api/inquiry/sessions/" + sessionId + "/start", Map.of()).expectStatus().isOk();
        }
        return this;
    }

    PortalClient citizen(ApplicationContext app, String name) {
        TestAccounts.citizen(app, prefix + "_" + name);
        return new PortalClient(port).login(prefix + "_" + name, TestAccounts.PASSWORD);
    }

    long ask(PortalClient asker, String text) {
        return json(asker.post("/api/inquiry/sessions/" + sessionId + "/questions", Map.of("text", text, "anonymous", false))
                .expectStatus().isCreated()).get("id").asLong();
    }

    void approve(long questionId) {
        moderator.post("/api/inquiry/questions/" + questionId + "/approve", Map.of()).expectStatus().isOk();
    }

    long answer(long questionId, String text) {
        return json(official.post("/api/inquiry/questions/" + questionId + "/answers", Map.of("text", text))
                .expectStatus().isCreated()).get("id").asLong();
    }

    String topic() {
        return "inquiry:" + sessionId;
    }

    static JsonNode json(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        byte[] body = spec.expectBody().returnResult().getResponseBodyContent();
        return JSON.readTree(body);
    }
}
