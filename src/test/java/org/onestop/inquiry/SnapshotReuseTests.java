package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** Joiners may share one snapshot, but never one that an event or a vote count has moved past. */
@PortalTest
class SnapshotReuseTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static JsonNode snapshot(WsClient ws, String topic) {
        assertThat(ws.join(topic, null).path("status").asString()).isEqualTo("ok");
        return ws.await(fr -> "snapshot".equals(fr.path("op").asString()));
    }

    private static JsonNode question(JsonNode snapshot, long id) {
        return snapshot.path("data").path("questions").valueStream()
                .filter(q -> q.path("id").asLong() == id).findFirst().orElseThrow();
    }

    @Test
    void joinersShareASnapshotOnlyWhileNothingHasPassedIt() {
        InquiryFixture f = new InquiryFixture(app, port, "snap").session(app, true);
        PortalClient asker = f.citizen(app, "asker");
        long q = f.ask(asker, "工伤认定申请需要多长时间？");
        f.approve(q);
        try (WsClient first = WsClient.anonymous(port); WsClient second = WsClient.anonymous(port);
                WsClient third = WsClient.anonymous(port); WsClient fourth = WsClient.anonymous(port)) {
            JsonNode s1 = snapshot(first, f.topic());
            JsonNode s2 = snapshot(second, f.topic());
            assertThat(s2.path("seq").asLong()).isEqualTo(s1.path("seq").asLong());

            f.answer(q, "自受理之日起60日内作出认定决定。");
            for (WsClient viewer : java.util.List.of(first, second)) {
                assertThat(viewer.event(f.topic(), "answer.posted", d -> d.path("questionId").asLong() == q)
                        .path("seq").asLong()).isEqualTo(s1.path("seq").asLong() + 1);
            }
            JsonNode s3 = snapshot(third, f.topic());
            assertThat(s3.path("seq").asLong()).isEqualTo(s1.path("seq").asLong() + 1);
            assertThat(question(s3, q).path("answers")).hasSize(1);

            asker.http().put().uri("/api/inquiry/questions/" + q + "/vote")
                    .header("X-XSRF-TOKEN", asker.cookies().get("XSRF-TOKEN")).exchange().expectStatus().isOk();
            first.event(f.topic(), "votes", d -> d.path("counts").path(String.valueOf(q)).asInt() == 1);
            // No durable event moved, but the votes did: the next joiner must see them.
            JsonNode s4 = snapshot(fourth, f.topic());
            assertThat(question(s4, q).path("votes").asInt()).isEqualTo(1);
        }
    }
}
