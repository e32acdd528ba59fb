package org.onestop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Moderators approving pending questions in a live inquiry: each approval changes the question,
 * publishes it to every viewer of the session and tells the moderation queue and the asker.
 * <p>
 * Before the load, {@link #before()} asks as many questions as the run will approve (plus a
 * margin), as the demo netizens, at most {@code -DsetupRate=} per second (default 50). Then
 * virtual moderators arrive at a constant rate; each fetches a CSRF token, signs in once as the
 * demo {@code moderator} and approves {@code -Diterations=} questions (default 20), one every
 * {@code -Dpace=} ms (default 200), with {@code POST /api/inquiry/questions/{id}/approve {}}.
 * Every question id is handed out exactly once, as a queue: a second approval of the same question
 * would be refused with 409 and count as a failure.
 * <p>
 * Arrivals are {@code -Drate=} approvals per second (default 10) ÷ iterations, over
 * {@code -Dduration=} seconds (default 30): {@code rate × duration} approvals in all, {@code rate}
 * per second once the first moderators have finished.
 * <p>
 * Assertions: failed requests &lt; 1 %, and the 99th percentile of "approve" ≤ {@code -Dp99=} ms
 * (default 100).
 */
public class ModerationSimulation extends Simulation {

    private final double rate = LoadConfig.doubleProperty("rate", 10);
    private final Duration duration = LoadConfig.secondsProperty("duration", 30);
    private final int iterations = LoadConfig.intProperty("iterations", 20);
    private final Duration pace = Duration.ofMillis(LoadConfig.intProperty("pace", 200));
    private final double setupRate = LoadConfig.doubleProperty("setupRate", 50);
    private final int p99 = LoadConfig.intProperty("p99", 100);

    /** Filled by {@link #before()}; each virtual moderator takes ids off it, so none is used twice. */
    private volatile long sessionId;
    private final Queue<Long> pending = new ConcurrentLinkedQueue<>();

    private final ScenarioBuilder moderator = scenario("Moderator approving")
            .feed(InquirySetup.accounts(java.util.List.of(InquirySetup.MODERATOR)))
            .exec(http("csrf token").get("/api/auth/csrf")
                    .check(status().is(200), jsonPath("$.token").saveAs("csrf")))
            .exitHereIfFailed()
            .exec(http("login").post("/api/auth/login")
                    .header("X-XSRF-TOKEN", "#{csrf}")
                    .body(StringBody(InquirySetup.LOGIN)).asJson()
                    .check(status().is(200)))
            .exitHereIfFailed()
            .repeat(iterations).on(
                    pace(pace)
                            .feed(pendingQuestions())
                            .exec(http("approve").post("/api/inquiry/questions/#{questionId}/approve")
                                    .header("X-XSRF-TOKEN", "#{csrf}")
                                    .body(StringBody("{}")).asJson()
                                    .check(status().is(200), jsonPath("$.status").is("approved"),
                                            jsonPath("$.id").ofLong().isEL("#{questionId}"))));

    {
        setUp(moderator.injectOpen(constantUsersPerSec(rate / iterations).during(duration)))
                .protocols(LoadConfig.httpProtocol())
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        details("approve").responseTime().percentile(99.0).lte(p99));
    }

    /**
     * A queue feeder over ids that only exist once {@link #before()} has run: each record is
     * taken off the queue. Should it run dry (it should not: see the margin), Gatling stops the
     * run as it does for an exhausted {@code .queue()} feeder.
     */
    private Iterator<Map<String, Object>> pendingQuestions() {
        return new Iterator<>() {
            private Long next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = pending.poll();
                }
                return next != null;
            }

            @Override
            public Map<String, Object> next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException("no pending question left");
                }
                Map<String, Object> record = Map.of("questionId", next);
                next = null;
                return record;
            }
        };
    }

    @Override
    public void before() {
        // Gatling starts rate / iterations × duration moderators (rounded); one more's worth as margin.
        long moderators = (long) Math.ceil(rate / iterations * duration.toSeconds()) + 1;
        int needed = (int) (moderators * iterations);
        try {
            long started = System.nanoTime();
            sessionId = InquirySetup.liveSession();
            pending.addAll(InquirySetup.askPending(sessionId, needed, setupRate));
            System.out.printf("setup: session %d, %d pending questions asked (%d ms); load: %.2f approvals/s"
                            + " (%.3f moderators/s × %d iterations every %d ms) for %d s%n",
                    sessionId, pending.size(), (System.nanoTime() - started) / 1_000_000, rate, rate / iterations,
                    iterations, pace.toMillis(), duration.toSeconds());
        } catch (Exception e) {
            throw new IllegalStateException("setup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void after() {
        System.out.printf("%d of the questions asked for this run were left pending in session %d%n", pending.size(),
                sessionId);
    }
}
