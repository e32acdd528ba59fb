package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.live.SilentLog;
import org.onestop.live.UserTopicPolicy;
import org.onestop.live.WsClient;
import org.onestop.OneStopApplication;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** Starts further portal instances beside the suite's shared one, each with its own settings. */
@PortalTest
class EmbeddedServersTests {

    @Value("${onestop.embedded.postgres-port}")
    int postgresPort;

    @Value("${onestop.embedded.redis-port}")
    int redisPort;

    /** Settings go in as command-line arguments: builder "properties" would lose to application.yml. */
    private static ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--onestop.demo.enabled=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        // Own Netty event loops: closing these apps must not take the suite's shared server down.
        return new SpringApplicationBuilder(OneStopApplication.class, FaultServers.OwnNettyResources.class)
                .run(args.toArray(String[]::new));
    }

    @Test
    void whenUrlsAreConfiguredNoEmbeddedServerStarts() {
        Path folder = Path.of("target", "never-embedded");
        int startsBefore = EmbeddedServers.startCount();
        try (var app = start(
                "onestop.embedded.data-dir=" + folder,
                "spring.r2dbc.url=r2dbc:postgresql://localhost:" + postgresPort + "/postgres",
                "spring.r2dbc.username=postgres",
                "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redisPort)) {
            assertThat(EmbeddedServers.startCount()).isEqualTo(startsBefore);
            assertThat(Files.exists(folder)).isFalse();
            assertThat(app.getEnvironment().getProperty("spring.flyway.url"))
                    .as("Flyway's JDBC URL is derived from the configured R2DBC URL")
                    .isEqualTo("jdbc:postgresql://localhost:" + postgresPort + "/postgres");
            Long departments = app.getBean(DatabaseClient.class).sql("SELECT count(*) FROM department")
                    .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(10));
            assertThat(departments).isGreaterThan(80);
        }
    }

    @Test
    void embeddedDefaultKeepsDataSessionsAndEventLogAcrossAppRestart() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "restart-");
        Map<String, String> cookies;
        long userId;
        long seq;
        try (var first = start("onestop.embedded.data-dir=" + folder)) {
            first.getBean(DatabaseClient.class)
                    .sql("INSERT INTO audit_log (action, target_type, target_id, at) VALUES ('test.marker', 'test', 'restart', now())")
                    .then().block(Duration.ofSeconds(10));
            userId = TestAccounts.citizen(first, "restart_citizen");
            PortalClient browser = new PortalClient(port(first)).login("restart_citizen", TestAccounts.PASSWORD);
            cookies = Map.copyOf(browser.cookies());
            seq = SilentLog.append(first, UserTopicPolicy.topicOf(userId), "notification",
                    "{\"id\":1,\"kind\":\"test\",\"title\":\"重启前的通知\",\"link\":\"/me/\",\"createdAt\":\"2026-11-26T09:00:00Z\"}");
        }
        assertThat(EmbeddedServers.isRunning(folder)).as("servers stop with the last app using them").isFalse();
        try (var second = start("onestop.embedded.data-dir=" + folder)) {
            Long markers = second.getBean(DatabaseClient.class)
                    .sql("SELECT count(*) FROM audit_log WHERE action = 'test.marker'")
                    .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(10));
            assertThat(markers).isEqualTo(1);
            // The browser's session (Redis, append-only file) is still signed in.
            PortalClient browser = new PortalClient(port(second));
            browser.cookies().putAll(cookies);
            browser.get("/api/me").expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("restart_citizen");
            // The event log too: a viewer resuming from before the event gets it, with its seq.
            try (WsClient viewer = WsClient.connect(port(second), cookies, "http://localhost:" + port(second))) {
                String topic = UserTopicPolicy.topicOf(userId);
                assertThat(viewer.join(topic, seq - 1).path("status").asString()).isEqualTo("ok");
                assertThat(viewer.event(topic, "notification", d -> d.path("title").asString().equals("重启前的通知"))
                        .path("seq").asLong()).isEqualTo(seq);
            }
        }
    }

    private static int port(ConfigurableApplicationContext app) {
        return FaultServers.port(app);
    }
}
