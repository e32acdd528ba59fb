package org.onestop.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Anonymous visitors: the home page, the list of departments, and the health check a load
 * balancer polls. Run with {@code -Dusers=} (visitors in total, default 50) arriving evenly over
 * {@code -Dduration=} seconds (default 30).
 * <p>
 * The model is open: visitors keep arriving whether or not the portal keeps up, as they do on a
 * real site, so a slow portal shows up as growing response times instead of a politely reduced
 * request rate.
 */
public class PortalBrowsingSimulation extends Simulation {

    private final int users = LoadConfig.intProperty("users", 50);
    private final Duration duration = LoadConfig.secondsProperty("duration", 30);

    private final ScenarioBuilder visitor = scenario("Anonymous visitor")
            .exec(http("home page").get("/")
                    .header("Accept", "text/html")
                    .check(status().is(200), substring("<html").exists()))
            // A person reads the page before clicking through.
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .exec(http("departments").get("/api/departments")
                    .check(status().is(200),
                            // An empty list is a broken portal even though the status is fine.
                            jsonPath("$[*]").count().gt(0)))
            .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
            .exec(http("health").get("/actuator/health")
                    .check(status().is(200), jsonPath("$.status").is("UP")));

    {
        setUp(visitor.injectOpen(rampUsers(users).during(duration)))
                .protocols(LoadConfig.httpProtocol())
                .assertions(
                        global().failedRequests().percent().lt(1.0),
                        global().responseTime().percentile(99.0).lt(500));
    }
}
