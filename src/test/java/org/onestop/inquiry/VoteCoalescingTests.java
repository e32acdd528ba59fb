package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/** A burst of votes reaches viewers as a few frames of absolute counts, never one frame per vote. */
@PortalTest
class VoteCoalescingTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @Autowired
    Questions questions;

    @Test
    void thousandVotesInABurstGiveAtMostFourFramesPerSecondWithTheRightFinalCount() {
        InquiryFixture f = new InquiryFixture(app, port, "votes").session(app, true);
        long q = f.ask(f.citizen(app, "asker"), "公租房申请条件是什么？多久能轮候到？");
        f.approve(q);
        // A thousand voters, made in one statement: logging each in over HTTP would test BCrypt, not votes.
        List<Long> voters = db.sql("""
                INSERT INTO app_user (username, password_hash, display_name, kind, created_at, updated_at)
                SELECT 'voter' || g, '{noop}unused', '网友' || g, 'staff', now(), now() FROM generate_series(1, 1000) g
                RETURNING id""").map(r -> r.get(0, Long.class)).all().collectList().block(Duration.ofSeconds(30));
        try (WsClient viewer = WsClient.anonymous(port)) {
            viewer.join(f.topic(), null);
            viewer.await(fr -> "snapshot".equals(fr.path("op").asString()));
            Instant start = Instant.now();
            Flux.fromIterable(voters)
                    .flatMap(id -> questions.vote(q, new PortalUser(id, "voter", "网友", Set.of(Role.CITIZEN), null), true), 32)
                    .blockLast(Duration.ofSeconds(60));
            Duration burst = Duration.between(start, Instant.now());
            viewer.event(f.topic(), "votes", d -> d.path("counts").path(String.valueOf(q)).asInt() == 1000);
            List<JsonNode> frames = viewer.frames().stream().filter(fr -> "votes".equals(fr.path("type").asString())).toList();
            long seconds = Math.max(1, (burst.toMillis() + 999) / 1000);
            assertThat(frames.size()).as("votes frames for %d votes in %s", voters.size(), burst)
                    .isLessThanOrEqualTo((int) (4 * seconds + 1));
            assertThat(frames).allSatisfy(fr -> assertThat(fr.has("seq")).as("votes are ephemeral").isFalse());
            Integer stored = db.sql("SELECT votes FROM inquiry_question WHERE id = :id").bind("id", q)
                    .map(r -> r.get(0, Integer.class)).one().block(Duration.ofSeconds(5));
            assertThat(stored).isEqualTo(1000);
        }
    }
}
