package org.onestop.mygov.subscriptions;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.mygov.MyGovTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/** Managing subscriptions: each target is checked, problems are clear, and only the owner sees or changes one. */
@MyGovTest
class SubscriptionApiTests {

    @Autowired
    ApplicationContext app;
    @LocalServerPort
    int port;
    MyGovFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new MyGovFixture(app, port);
    }

    @Test
    void createsListsChangesAndDeletesOwnSubscriptions() {
        PortalClient me = fixture.citizen("sa_owner").client();
        long housing = fixture.department("HOUSING");
        me.post("/api/me/subscriptions", Map.of("kind", "disclosure_department", "target", String.valueOf(housing), "frequency", "daily"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.kind").isEqualTo("disclosure_department")
                .jsonPath("$.frequency").isEqualTo("daily");
        me.post("/api/me/subscriptions", Map.of("kind", "record", "target", "water-bill", "frequency", "immediate"))
                .expectStatus().isCreated();
        me.post("/api/me/subscriptions", Map.of("kind", "disclosure_category", "target", "notice", "frequency", "weekly"))
                .expectStatus().isCreated();
        me.post("/api/me/subscriptions", Map.of("kind", "live_sessions", "target", String.valueOf(housing), "frequency", "immediate"))
                .expectStatus().isCreated();
        byte[] list = me.get("/api/me/subscriptions").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(4).returnResult().getResponseBody();
        long id = MyGovJson.longAt(list, "/3/id");

        me.withCsrf().http().put().uri("/api/me/subscriptions/" + id).contentType(MediaType.APPLICATION_JSON)
                .header("X-XSRF-TOKEN", me.cookies().get("XSRF-TOKEN"))
                .bodyValue(Map.of("frequency", "weekly")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.frequency").isEqualTo("weekly");
        me.http().delete().uri("/api/me/subscriptions/" + id).header("X-XSRF-TOKEN", me.cookies().get("XSRF-TOKEN")).exchange()
                .expectStatus().isNoContent();
        me.get("/api/me/subscriptions").expectBody().jsonPath("$.length()").isEqualTo(3);
    }

    @Test
    void rejectsUnknownKindFrequencyAndTargetWithFieldProblems() {
        PortalClient me = fixture.citizen("sa_bad").client();
        me.post("/api/me/subscriptions", Map.of("kind", "horoscope", "target", "x", "frequency", "hourly"))
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'kind')].code").isEqualTo("mygov.kind")
                .jsonPath("$.errors[?(@.field == 'frequency')].code").isEqualTo("mygov.frequency");
        me.post("/api/me/subscriptions", Map.of("kind", "record", "target", "library-loans", "frequency", "daily"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("mygov.target");
        me.post("/api/me/subscriptions", Map.of("kind", "disclosure_department", "target", "999999", "frequency", "daily"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("mygov.target");
        me.post("/api/me/subscriptions", Map.of("kind", "disclosure_category", "target", "no-such-category", "frequency", "daily"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("mygov.target");
        me.post("/api/me/subscriptions", Map.of("kind", "dataset", "target", "no-such-dataset", "frequency", "daily"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("mygov.target");
        me.post("/api/me/subscriptions", Map.of("kind", "record")).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2);
        me.get("/api/me/subscriptions").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void refusesSecondSubscriptionToSameTargetWithConflict() {
        PortalClient me = fixture.citizen("sa_dup").client();
        Map<String, String> body = Map.of("kind", "record", "target", "gas-bill", "frequency", "daily");
        me.post("/api/me/subscriptions", body).expectStatus().isCreated();
        me.post("/api/me/subscriptions", body).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("mygov.duplicate");
    }

    @Test
    void hidesOthersSubscriptionsAndAnswersNotFoundWhenChangingThem() {
        PortalClient owner = fixture.citizen("sa_a").client();
        PortalClient other = fixture.citizen("sa_b").client();
        byte[] created = owner.post("/api/me/subscriptions", Map.of("kind", "record", "target", "phone-bill", "frequency", "daily"))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        long id = MyGovJson.longAt(created, "/id");
        other.get("/api/me/subscriptions").expectBody().jsonPath("$.length()").isEqualTo(0);
        other.withCsrf().http().delete().uri("/api/me/subscriptions/" + id).header("X-XSRF-TOKEN", other.cookies().get("XSRF-TOKEN"))
                .exchange().expectStatus().isNotFound();
        other.http().put().uri("/api/me/subscriptions/" + id).header("X-XSRF-TOKEN", other.cookies().get("XSRF-TOKEN"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("frequency", "weekly")).exchange().expectStatus().isNotFound();
        owner.get("/api/me/subscriptions").expectBody().jsonPath("$[0].frequency").isEqualTo("daily");
        new PortalClient(port).get("/api/me/subscriptions").expectStatus().isUnauthorized();
    }

    @Test
    void offersEveryKindNowThatEachHasASource() {
        fixture.citizen("sa_opts").client().get("/api/me/subscriptions/options").expectStatus().isOk().expectBody()
                .jsonPath("$.kinds.length()").isEqualTo(5)
                .jsonPath("$.recordTypes.length()").isEqualTo(7)
                .jsonPath("$.categories[0].value").isEqualTo("regulation");
    }
}
