package org.onestop.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * New citizens: fetch a CSRF token, register, sign in, look at their own account. Run with
 * {@code -Dusers=} (new citizens in total) arriving at a constant rate over {@code -Dduration=}
 * seconds (default 30); the default of 120 users is 4 sign-ups per second, which a 2-core
 * machine shared with other work still absorbs within the assertions (see the README).
 * <p>
 * Registration and sign-in each run one BCrypt hash, which is deliberately slow, so this
 * scenario measures how many sign-ups per second the portal's CPUs can absorb. Every virtual
 * user is a new account: the portal keeps them, and the IDs are unique across runs.
 * <p>
 * All sign-ins come from one address, which the portal allows 30 attempts per 15 minutes; a
 * success gives its attempt back, so in effect 30 sign-ins may be in progress at once. That is
 * plenty while the portal keeps up, but a rate it cannot absorb piles sign-ins up until they are
 * refused with 429, which is then the first symptom of overload, not a fault of the script.
 */
public class AccountJourneySimulation extends Simulation {

    private final int users = LoadConfig.intProperty("users", 120);
    private final Duration duration = LoadConfig.secondsProperty("duration", 30);

    // Kept as a template so Gatling fills in each user's fields; the names are Chinese because the
    // real-name rule and UTF-8 handling are part of what is exercised.
    private static final String REGISTRATION = """
            {"username":"#{username}","password":"#{password}","displayName":"压测用户",
             "kind":"citizen","realName":"测试用户","idNumber":"#{idNumber}","mobile":"#{mobile}"}""";

    private static final String LOGIN = """
            {"username":"#{username}","password":"#{password}"}""";

    private final ScenarioBuilder citizen = scenario("New citizen")
            .feed(LoadConfig.newCitizens())
            // The token is also set as the XSRF-TOKEN cookie, which Gatling keeps per virtual
            // user; the portal wants the header to repeat it, as its front end does.
            .exec(http("csrf token").get("/api/auth/csrf")
                    .check(status().is(200), jsonPath("$.token").saveAs("csrf")))
            .exitHereIfFailed()
            .pause(Duration.ofSeconds(1))
            .exec(http("register").post("/api/auth/register")
                    .header("X-XSRF-TOKEN", "#{csrf}")
                    .body(StringBody(REGISTRATION)).asJson()
                    .check(status().is(201), jsonPath("$.username").isEL("#{username}")))
            // A person whose step failed does not carry on, and the next step's failure would only
            // echo this one and double-count it.
            .exitHereIfFailed()
            .pause(Duration.ofSeconds(1))
            .exec(http("login").post("/api/auth/login")
                    .header("X-XSRF-TOKEN", "#{csrf}")
                    .body(StringBody(LOGIN)).asJson()
                    .check(status().is(200)))
            .exitHereIfFailed()
            .exec(http("me").get("/api/me")
                    .check(status().is(200), jsonPath("$.username").isEL("#{username}"),
                            jsonPath("$.kind").is("citizen")));

    {
        setUp(citizen.injectOpen(constantUsersPerSec((double) users / duration.toSeconds()).during(duration)))
                .protocols(LoadConfig.httpProtocol())
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().responseTime().percentile(95.0).lt(1500));
    }
}
