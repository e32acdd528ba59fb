package org.onestop.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Questions asked at the same moment are stored in shared transactions without mixing them up, and
 * votes cast at once are all counted.
 */
@PortalTest
class QuestionIntakeTests {

    private static final int ASKERS = 24;

    private static List<PortalClient> askers;
    private static InquiryFixture f;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    record Stored(long askerId, String text, List<String> flags) {
    }

    @BeforeEach
    void netizens() {
        if (f == null) {
            f = new InquiryFixture(app, port, "intake").session(app, true);
            askers = IntStream.range(0, ASKERS).mapToObj(i -> f.citizen(app, "n" + i)).toList();
        }
    }

    private static <T> List<T> all(List<PortalClient> clients, Function<PortalClient, T> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
            List<CompletableFuture<T>> futures = clients.stream().map(c -> CompletableFuture.supplyAsync(() -> call.apply(c), pool)).toList();
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    @Test
    void votesAndWithdrawalsCastAtOnceAreEachCountedOnce() throws Exception {
        long q = f.ask(askers.getFirst(), "公租房申请需要哪些材料？在哪里办理？");
        f.approve(q);
        String vote = "/api/inquiry/questions/" + q + "/vote";
        all(askers, c -> c.http().put().uri(vote).header("X-XSRF-TOKEN", c.withCsrf().cookies().get("XSRF-TOKEN"))
                .exchange().expectStatus().isOk());
        all(askers.subList(0, ASKERS / 2), c -> c.http().delete().uri(vote).header("X-XSRF-TOKEN", c.cookies().get("XSRF-TOKEN"))
                .exchange().expectStatus().isOk());
        // Withdrawing again changes nothing.
        all(askers.subList(0, ASKERS / 2), c -> c.http().delete().uri(vote).header("X-XSRF-TOKEN", c.cookies().get("XSRF-TOKEN"))
                .exchange().expectStatus().isOk());
        Long rows = db.sql("SELECT count(*) FROM inquiry_vote WHERE question_id = :q").bind("q", q)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        Integer counted = db.sql("SELECT votes FROM inquiry_question WHERE id = :q").bind("q", q)
                .map(r -> r.get(0, Integer.class)).one().block(Duration.ofSeconds(5));
        assertThat(rows).isEqualTo(ASKERS / 2);
        assertThat(counted).isEqualTo(ASKERS / 2);
    }

    @Test
    void concurrentQuestionsEachKeepTheirOwnIdAskerAndTextWithGapFreeModerationEvents() throws Exception {
        long before = db.sql("SELECT count(*) FROM inquiry_question WHERE session_id = :s").bind("s", f.sessionId)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        long firstSeq = db.sql("SELECT COALESCE(max(seq), 0) FROM live_event WHERE topic = :t")
                .bind("t", "inquiry:" + f.sessionId + ":moderation").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5)) + 1;
        String moderationTopic = "inquiry:" + f.sessionId + ":moderation";
        try (WsClient moderator = WsClient.connect(port, f.moderator.cookies(), "http://localhost:" + port)) {
            assertThat(moderator.join(moderationTopic, null).path("status").asString()).isEqualTo("ok");

            Map<Long, String> textById = new HashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(ASKERS)) {
                List<CompletableFuture<Map.Entry<Long, String>>> asked = new ArrayList<>();
                for (int i = 0; i < ASKERS; i++) {
                    PortalClient asker = askers.get(i);
                    // Every fourth question carries a flagged word, so flags must land on the right rows.
                    String text = "第" + i + "号网友：" + (i % 4 == 0 ? "补办身份证号要多久？" : "新就业补贴何时发放？") + "𠀀";
                    asked.add(CompletableFuture.supplyAsync(() -> Map.entry(f.ask(asker, text), text), pool));
                }
                for (var future : asked) {
                    var entry = future.get();
                    textById.put(entry.getKey(), entry.getValue());
                }
            }
            assertThat(textById).as("every question got an id of its own").hasSize(ASKERS);

            Map<Long, Stored> rows = new HashMap<>();
            db.sql("SELECT id, asker_id, text, flags FROM inquiry_question WHERE session_id = :s AND text LIKE '第%'").bind("s", f.sessionId)
                    .map(r -> Map.entry(r.get("id", Long.class), new Stored(r.get("asker_id", Long.class), r.get("text", String.class),
                            List.of(r.get("flags", String[].class)))))
                    .all().doOnNext(e -> rows.put(e.getKey(), e.getValue())).then().block(Duration.ofSeconds(5));
            assertThat(rows.keySet()).isEqualTo(textById.keySet());
            assertThat(before + ASKERS).isEqualTo(db.sql("SELECT count(*) FROM inquiry_question WHERE session_id = :s")
                    .bind("s", f.sessionId).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5)));
            Map<String, Long> askerByName = new HashMap<>();
            db.sql("SELECT id, username FROM app_user WHERE username LIKE 'intake_n%'")
                    .map(r -> Map.entry(r.get("username", String.class), r.get("id", Long.class)))
                    .all().doOnNext(e -> askerByName.put(e.getKey(), e.getValue())).then().block(Duration.ofSeconds(5));
            textById.forEach((id, text) -> {
                Stored row = rows.get(id);
                assertThat(row.text()).isEqualTo(text);
                int n = Integer.parseInt(text.substring(1, text.indexOf('号')));
                assertThat(row.askerId()).as("question %d belongs to its asker", id).isEqualTo(askerByName.get("intake_n" + n));
                assertThat(row.flags()).isEqualTo(n % 4 == 0 ? List.of("身份证号") : List.of());
            });

            moderator.awaitFrames(frames -> frames.stream().filter(fr -> "question.submitted".equals(fr.path("type").asString()))
                    .count() == ASKERS);
            List<JsonNode> submitted = moderator.events(moderationTopic).stream()
                    .filter(fr -> "question.submitted".equals(fr.path("type").asString())).toList();
            assertThat(submitted).extracting(fr -> fr.path("seq").asLong()).as("one gap-free run of seqs")
                    .containsExactlyInAnyOrderElementsOf(LongStream.range(firstSeq, firstSeq + ASKERS).boxed().toList());
            for (JsonNode event : submitted) {
                long id = event.path("data").path("id").asLong();
                assertThat(event.path("data").path("text").asString()).isEqualTo(textById.get(id));
                assertThat(event.path("data").path("asker").path("id").asLong()).isEqualTo(rows.get(id).askerId());
                List<String> flags = new ArrayList<>();
                event.path("data").path("flags").forEach(flag -> flags.add(flag.asString()));
                assertThat(flags).isEqualTo(rows.get(id).flags());
            }
            Long logged = db.sql("SELECT count(*) FROM live_event WHERE topic LIKE 'user:%' AND type = 'question.status'"
                    + " AND CAST(data->>'sessionId' AS bigint) = :s").bind("s", f.sessionId)
                    .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
            assertThat(logged).as("each asker's own topic was told").isEqualTo(ASKERS);
        }
    }
}
