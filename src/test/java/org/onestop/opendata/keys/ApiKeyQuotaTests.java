package org.onestop.opendata.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.opendata.OpenDataClient.json;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.OneStopApplication;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.opendata.demo.DemoSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** API keys: created, listed and revoked by their owner; quotas in Redis shared by two nodes; usage per key. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyQuotaTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private ConfigurableApplicationContext node2;
    private PortalClient citizen;

    @BeforeAll
    void setUp() {
        DemoSet.load(app, 2, 100);
        TestAccounts.citizen(app, "keyowner");
        TestAccounts.citizen(app, "otherowner");
        citizen = new PortalClient(port).login("keyowner", TestAccounts.PASSWORD);
        var env = app.getEnvironment();
        node2 = new SpringApplicationBuilder(OneStopApplication.class).run(
                "--server.port=0", "--onestop.demo.enabled=false", "--onestop.storage.dir=target/test-files",
                "--spring.r2dbc.url=r2dbc:postgresql://localhost:" + env.getProperty("onestop.embedded.postgres-port") + "/postgres",
                "--spring.r2dbc.username=postgres",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + env.getProperty("onestop.embedded.redis-port"));
    }

    @AfterAll
    void stopNode2() {
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void createsKeyShowingSecretOnceAndListsItByPrefix() {
        JsonNode created = json(citizen.post("/api/opendata/keys", Map.of("name", "研究项目")).expectStatus().isCreated());
        String secret = created.path("secret").asString();
        assertThat(secret).matches("od_[0-9a-f]{8}_[0-9a-f]{40}");
        JsonNode list = json(citizen.get("/api/opendata/keys").expectStatus().isOk());
        JsonNode mine = list.path("keys").get(0);
        assertThat(mine.path("name").asString()).isEqualTo("研究项目");
        assertThat(secret).startsWith("od_" + mine.path("prefix").asString());
        assertThat(list.toString()).doesNotContain(secret);
    }

    @Test
    void refusesKeyWithoutNameAndKeysWithoutSignIn() {
        citizen.post("/api/opendata/keys", Map.of("name", " ")).expectStatus().isBadRequest();
        new PortalClient(port).get("/api/opendata/keys").expectStatus().isUnauthorized();
    }

    @Test
    void sharesOneQuotaAcrossTwoNodesAndAnswersTooManyRequestsWithRetryAfter() {
        String secret = key("配额测试", 4);
        int port2 = Integer.parseInt(node2.getEnvironment().getProperty("local.server.port"));
        for (int i = 0; i < 4; i++) {
            call(i % 2 == 0 ? port : port2, secret).expectStatus().isOk();
        }
        JsonNode refused = json(call(port2, secret).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After"));
        assertThat(refused.path("success").asBoolean()).isFalse();
        assertThat(refused.path("error").path("__type").asString()).isEqualTo("Rate Limit Error");
        call(port, secret).expectStatus().isEqualTo(429);
        long retry = Long.parseLong(call(port, secret).returnResult(byte[].class).getResponseHeaders().getFirst("Retry-After"));
        assertThat(retry).isBetween(1L, 60L);
        // The portal's own datastore endpoint answers the same refusal as problem+json.
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get()
                .uri("/api/opendata/datastore/1").header("Authorization", "Bearer " + secret).exchange()
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void countsUsagePerKeyForItsOwner() {
        String secret = key("用量统计", 100);
        for (int i = 0; i < 3; i++) {
            call(port, secret).expectStatus().isOk();
        }
        app.getBean(KeyUsage.class).flush().block();
        node2.getBean(KeyUsage.class).flush().block();
        JsonNode list = json(citizen.get("/api/opendata/keys").expectStatus().isOk());
        long id = 0;
        for (JsonNode k : list.path("keys")) {
            if (k.path("name").asString().equals("用量统计")) {
                id = k.path("id").asLong();
            }
        }
        long calls = 0;
        for (JsonNode u : list.path("usage")) {
            if (u.path("keyId").asLong() == id) {
                calls += u.path("calls").asLong();
            }
        }
        assertThat(calls).isEqualTo(3);
    }

    @Test
    void revokedKeyIsRefusedAndOthersCannotRevokeIt() {
        String secret = key("将注销", 100);
        long id = json(citizen.get("/api/opendata/keys").expectStatus().isOk()).path("keys").get(0).path("id").asLong();
        PortalClient other = new PortalClient(port).login("otherowner", TestAccounts.PASSWORD);
        other.withCsrf().http().delete().uri("/api/opendata/keys/{id}", id).exchange().expectStatus().isNotFound();
        call(port, secret).expectStatus().isOk();
        citizen.withCsrf().http().delete().uri("/api/opendata/keys/{id}", id).exchange().expectStatus().isOk();
        JsonNode refused = json(call(port, secret).expectStatus().isForbidden());
        assertThat(refused.path("error").path("__type").asString()).isEqualTo("Authorization Error");
    }

    /** A new key of the citizen with the given per-minute quota (set directly, as an admin would). */
    private String key(String name, int perMinute) {
        JsonNode created = json(citizen.post("/api/opendata/keys", Map.of("name", name)).expectStatus().isCreated());
        app.getBean(DatabaseClient.class).sql("UPDATE opendata_api_key SET per_minute = :n WHERE id = :id")
                .bind("n", perMinute).bind("id", created.path("key").path("id").asLong()).then().block(Duration.ofSeconds(5));
        return created.path("secret").asString();
    }

    private static WebTestClient.ResponseSpec call(int port, String secret) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get()
                .uri("/api/3/action/package_list").header("Authorization", secret).exchange();
    }
}
