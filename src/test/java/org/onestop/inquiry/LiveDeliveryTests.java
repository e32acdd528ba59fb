package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** Resuming with since (WebSocket) and Last-Event-ID (SSE): no gap and no duplicate at the seam. */
@PortalTest
class LiveDeliveryTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static int fixtures;
    private InquiryFixture f;
    private long question;

    @BeforeEach
    void session() {
        f = new InquiryFixture(app, port, "resume" + (++fixtures)).session(app, true);
        question = f.ask(f.citizen(app, "asker"), "社保卡丢失后如何补办？需要多长时间？");
        f.approve(question);
    }

    /** Fifty durable events: the question pinned and unpinned in turn. */
    private void fiftyEvents() {
        for (int i = 0; i < 50; i++) {
            f.moderator.post("/api/inquiry/questions/" + question + (i % 2 == 0 ? "/pin" : "/unpin"), Map.of())
                    .expectStatus().isOk();
        }
    }

    private static List<Long> seqs(List<JsonNode> events) {
        return events.stream().map(e -> e.path("seq").asLong()).toList();
    }

    private static List<Long> range(long fromInclusive, long toInclusive) {
        List<Long> expected = new ArrayList<>();
        for (long s = fromInclusive; s <= toInclusive; s++) {
            expected.add(s);
        }
        return expected;
    }

    @Test
    void rejoinWithSinceReplaysExactlyTheMissedEventsThenContinuesLive() {
        long n;
        try (WsClient first = WsClient.anonymous(port)) {
            first.join(f.topic(), null);
            n = first.await(fr -> "snapshot".equals(fr.path("op").asString())).path("seq").asLong();
        }
        fiftyEvents();
        try (WsClient again = WsClient.anonymous(port)) {
            assertThat(again.join(f.topic(), n).path("status").asString()).isEqualTo("ok");
            again.awaitFrames(frames -> again.events(f.topic()).size() >= 50);
            f.answer(question, "可携带身份证到任一社保卡服务网点补办，即时制卡。");
            again.awaitFrames(frames -> again.events(f.topic()).size() >= 51);
            assertThat(seqs(again.events(f.topic()))).isEqualTo(range(n + 1, n + 51));
            assertThat(again.events(f.topic()).get(50).path("type").asString()).isEqualTo("answer.posted");
            assertThat(again.frames()).noneMatch(fr -> "snapshot".equals(fr.path("op").asString()));
        }
    }

    @Test
    void sseResumesWithLastEventIdExactly() {
        long n;
        try (WsClient first = WsClient.anonymous(port)) {
            first.join(f.topic(), null);
            n = first.await(fr -> "snapshot".equals(fr.path("op").asString())).path("seq").asLong();
        }
        fiftyEvents();
        var body = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/live/events?topic=" + f.topic())
                .header("Last-Event-ID", String.valueOf(n))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(e -> e.id() != null);
        List<String> ids = new ArrayList<>();
        StepVerifier.create(body.take(51))
                .recordWith(ArrayList::new)
                .thenConsumeWhile(e -> {
                    ids.add(e.id());
                    if (ids.size() == 50) {
                        // Posting blocks, which the stream's own thread must not do.
                        java.util.concurrent.CompletableFuture.runAsync(() -> f.answer(question, "补办社保卡不收取工本费。"));
                    }
                    return true;
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(ids).isEqualTo(range(n + 1, n + 51).stream().map(String::valueOf).toList());
    }

    @Test
    void sseWithoutLastEventIdStartsWithSnapshot() {
        var first = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/live/events?topic=" + f.topic())
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(e -> e.event() != null)
                .blockFirst(Duration.ofSeconds(10));
        assertThat(first.event()).isEqualTo("snapshot");
        assertThat(first.data()).contains("社保卡丢失后如何补办");
    }

    @Test
    void sseForbiddenTopicIsAProblem() {
        new PortalClient(port).http().get().uri("/api/live/events?topic=" + f.topic() + ":moderation")
                .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange()
                .expectStatus().isForbidden();
    }
}
