package org.onestop.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.application.ApplicationFixture.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.onestop.servicehall.ServiceHallTestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The demo applications, loaded as start-up loads them when demo data is on (invoked here directly,
 * since tests run with it off) on accounts named as the demo's: 张三 finds one in each state, the
 * officials find theirs in their queues, and loading again, or twice at once, adds none.
 */
@PortalTest
class DemoApplicationsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DemoApplicationLoader loader;

    private PortalClient login(String username) {
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    private long count(String sql) {
        return app.getBean(DatabaseClient.class).sql(sql).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void twoLoadsAtOnceGiveTheCitizenOneApplicationInEachStateAndARerunAddsNone() {
        ServiceHallTestData.load(app);
        long citizenId = TestAccounts.citizen(app, DemoApplicationLoader.APPLICANT);
        TestAccounts.staff(app, DemoApplicationLoader.HRSS_OFFICIAL, "HRSS", Role.OFFICIAL);
        TestAccounts.staff(app, DemoApplicationLoader.EDU_OFFICIAL, "EDU", Role.OFFICIAL);

        var both = Mono.zip(loader.load().subscribeOn(Schedulers.parallel()), loader.load().subscribeOn(Schedulers.parallel()))
                .block(Duration.ofMinutes(1));
        assertThat(both.getT1() + both.getT2()).as("created by the two loads together").isEqualTo(5);
        assertThat(List.of(both.getT1(), both.getT2())).as("one load did it all, the other waited and found it done")
                .containsExactlyInAnyOrder(5, 0);

        PortalClient citizen = login(DemoApplicationLoader.APPLICANT);
        JsonNode mine = json(citizen.get("/api/applications/mine?size=20").expectStatus().isOk());
        assertThat(mine.path("total").asLong()).isEqualTo(5);
        Map<String, JsonNode> byStatus = mine.path("items").valueStream()
                .collect(Collectors.toMap(a -> a.path("status").asString(), Function.identity()));
        assertThat(byStatus).containsOnlyKeys("draft", "submitted", "supplement_requested", "completed", "rejected");
        assertThat(byStatus.get("submitted").path("serviceCode").asString()).isEqualTo("370200-EDU-0001");
        assertThat(byStatus.get("completed").path("serviceCode").asString()).isEqualTo("370200-EDU-0002");
        assertThat(byStatus.get("draft").path("number").isNull()).isTrue();
        assertThat(byStatus.get("submitted").path("number").asString()).matches("SQ\\d{14}");

        JsonNode completed = detail(citizen, byStatus.get("completed"));
        assertThat(completed.path("resultAvailable").asBoolean()).isTrue();
        assertThat(completed.path("timeline").findValuesAsString("status"))
                .containsExactly("draft", "submitted", "accepted", "approved", "completed");
        assertThat(completed.path("materials").size()).isEqualTo(4);
        citizen.get("/api/applications/" + completed.path("id").asLong() + "/result").expectStatus().isOk();
        JsonNode supplement = detail(citizen, byStatus.get("supplement_requested"));
        assertThat(supplement.path("missing").get(0).path("code").asString()).isEqualTo("m2");
        assertThat(supplement.path("allowedActions").toString()).contains("resubmit");
        JsonNode rejected = detail(citizen, byStatus.get("rejected"));
        assertThat(rejected.path("resultAvailable").asBoolean()).isTrue();
        assertThat(rejected.path("timeline").findValuesAsString("note")).contains("经核查，申请人目前未领取失业保险金，无需办理停发。");
        JsonNode draft = detail(citizen, byStatus.get("draft"));
        assertThat(draft.path("data").path("applicantName").asString()).isEqualTo("张三");
        assertThat(draft.path("materials").size()).isEqualTo(1);
        long uploaded = byStatus.get("submitted").path("id").asLong();
        long household = detail(citizen, byStatus.get("submitted")).path("materials").valueStream()
                .filter(m -> m.path("materialCode").asString().equals("household")).findFirst().orElseThrow().path("id").asLong();
        byte[] png = citizen.get("/api/applications/" + uploaded + "/materials/" + household).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        JsonNode eduQueue = json(login(DemoApplicationLoader.EDU_OFFICIAL).get("/api/applications/review").expectStatus().isOk());
        assertThat(eduQueue.path("items").findValuesAsString("status")).containsExactlyInAnyOrder("submitted", "completed");
        JsonNode hrssQueue = json(login(DemoApplicationLoader.HRSS_OFFICIAL).get("/api/applications/review").expectStatus().isOk());
        assertThat(hrssQueue.path("items").findValuesAsString("status"))
                .containsExactlyInAnyOrder("supplement_requested", "rejected");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action LIKE 'application.%'")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM live_event WHERE topic = 'user:" + citizenId + "'")).isEqualTo(10);

        assertThat(loader.load().block(Duration.ofMinutes(1))).isZero();
        assertThat(count("SELECT count(*) FROM application")).isEqualTo(5);
    }

    private static JsonNode detail(PortalClient client, JsonNode summary) {
        return json(client.get("/api/applications/" + summary.path("id").asLong()).expectStatus().isOk());
    }
}
