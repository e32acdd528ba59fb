package org.onestop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Netizens asking and voting in a live inquiry: the write path behind the target "questions
 * accepted (persisted + moderation event published) ≥ 1,000/s with p99 ≤ 50 ms".
 * <p>
 * Before the load, {@link #before()} asks {@code -Dapproved=} questions (default 20, at most
 * {@code -DsetupRate=} per second, default 50) as the demo netizens and has the demo moderator
 * approve them: those are the questions voted on. Then
 * virtual netizens arrive at a constant rate; each fetches a CSRF token and signs in once, as one
 * of the three demo netizens in turn, and then runs {@code -Diterations=} iterations (default 50),
 * one every {@code -Dpace=} ms (default 100): ask a new question ({@code 201}, status
 * {@code pending}), then vote — a {@code PUT} of the vote on a random approved question in even
 * iterations, a {@code DELETE} of that same vote in odd ones, so vote counts keep moving.
 * <p>
 * Arrivals are {@code -Drate=} questions per second (default 20) ÷ iterations, over
 * {@code -Dduration=} seconds (default 30); once the first users have finished their iterations
 * (after iterations × pace), the portal receives {@code rate} questions and as many votes per
 * second, and the run asks {@code rate × duration} questions in all. The model is open in the
 * arrival of users; each user keeps its pace only while a question and a vote together take less
 * than {@code pace}, beyond which the p99 assertion fails long before.
 * <p>
 * Assertions: failed requests &lt; 1 %, and the 99th percentile of "ask question" ≤
 * {@code -Dp99=} ms (default 50, the target; raise it for small runs on a busy machine).
 */
public class AskAndVoteSimulation extends Simulation {

    private final double rate = LoadConfig.doubleProperty("rate", 20);
    private final Duration duration = LoadConfig.secondsProperty("duration", 30);
    private final int iterations = LoadConfig.intProperty("iterations", 50);
    private final Duration pace = Duration.ofMillis(LoadConfig.intProperty("pace", 100));
    private final int approvedCount = LoadConfig.intProperty("approved", 20);
    private final double setupRate = LoadConfig.doubleProperty("setupRate", 50);
    private final int p99 = LoadConfig.intProperty("p99", 50);

    /** Filled by {@link #before()}, read by the virtual users once the load starts. */
    private volatile long sessionId;
    private final List<Long> approved = new CopyOnWriteArrayList<>();

    private static final String ASK = """
            {"text":"#{text}","anonymous":false}""";

    private final ScenarioBuilder netizen = scenario("Netizen asking and voting")
            .feed(InquirySetup.accounts(InquirySetup.NETIZENS))
            .exec(session -> session.set("sessionId", sessionId))
            .exec(http("csrf token").get("/api/auth/csrf")
                    .check(status().is(200), jsonPath("$.token").saveAs("csrf")))
            .exitHereIfFailed()
            .exec(http("login").post("/api/auth/login")
                    .header("X-XSRF-TOKEN", "#{csrf}")
                    .body(StringBody(InquirySetup.LOGIN)).asJson()
                    .check(status().is(200)))
            // Without a session every write would only fail again with 401 and count twice.
            .exitHereIfFailed()
            .repeat(iterations, "i").on(
                    pace(pace)
                            .exec(session -> session.set("text", InquirySetup.questionText()))
                            .exec(http("ask question").post("/api/inquiry/sessions/#{sessionId}/questions")
                                    .header("X-XSRF-TOKEN", "#{csrf}")
                                    .body(StringBody(ASK)).asJson()
                                    .check(status().is(201), jsonPath("$.status").is("pending"),
                                            jsonPath("$.id").ofLong().exists()))
                            .doIfOrElse(session -> session.getInt("i") % 2 == 0).then(
                                    feed(InquirySetup.randomQuestion(approved))
                                            .exec(http("vote").put("/api/inquiry/questions/#{questionId}/vote")
                                                    .header("X-XSRF-TOKEN", "#{csrf}")
                                                    .check(status().is(200), jsonPath("$.votes").ofInt().gte(0))))
                            .orElse(
                                    exec(http("withdraw vote").delete("/api/inquiry/questions/#{questionId}/vote")
                                            .header("X-XSRF-TOKEN", "#{csrf}")
                                            .check(status().is(200), jsonPath("$.votes").ofInt().gte(0)))));

    {
        double usersPerSecond = rate / iterations;
        setUp(netizen.injectOpen(constantUsersPerSec(usersPerSecond).during(duration)))
                .protocols(LoadConfig.httpProtocol())
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        details("ask question").responseTime().percentile(99.0).lte(p99));
    }

    @Override
    public void before() {
        try {
            long started = System.nanoTime();
            sessionId = InquirySetup.liveSession();
            approved.addAll(InquirySetup.askApproved(sessionId, approvedCount, setupRate));
            System.out.printf("setup: session %d, %d approved questions to vote on (%d ms); load: %.2f questions/s"
                            + " (%.3f netizens/s × %d iterations every %d ms) for %d s%n",
                    sessionId, approved.size(), (System.nanoTime() - started) / 1_000_000, rate, rate / iterations,
                    iterations, pace.toMillis(), duration.toSeconds());
        } catch (Exception e) {
            throw new IllegalStateException("setup failed: " + e.getMessage(), e);
        }
    }
}
