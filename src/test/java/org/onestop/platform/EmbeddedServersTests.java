package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        return new SpringApplicationBuilder(OneStopApplication.class).run(args.toArray(String[]::new));
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
    void embeddedDefaultKeepsDataAcrossAppRestart() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "restart-");
        try (var first = start("onestop.embedded.data-dir=" + folder)) {
            first.getBean(DatabaseClient.class)
                    .sql("INSERT INTO audit_log (action, target_type, target_id, at) VALUES ('test.marker', 'test', 'restart', now())")
                    .then().block(Duration.ofSeconds(10));
        }
        assertThat(EmbeddedServers.isRunning(folder)).as("servers stop with the last app using them").isFalse();
        try (var second = start("onestop.embedded.data-dir=" + folder)) {
            Long markers = second.getBean(DatabaseClient.class)
                    .sql("SELECT count(*) FROM audit_log WHERE action = 'test.marker'")
                    .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(10));
            assertThat(markers).isEqualTo(1);
        }
    }
}
