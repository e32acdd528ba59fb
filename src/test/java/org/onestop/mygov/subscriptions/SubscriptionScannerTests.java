package org.onestop.mygov.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.mailbox.TestClock;
import org.onestop.mygov.MyGovTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Mono;

/**
 * Delivery with the fixed clock: immediate subscribers are told on their user topic once, daily
 * and weekly ones get one digest after their period, record subscriptions find new bills, and two
 * scans at once (two nodes) still tell everyone exactly once.
 */
@MyGovTest
class SubscriptionScannerTests {

    @Autowired
    ApplicationContext app;
    @Autowired
    TestClock clock;
    @Autowired
    SubscriptionScanner scanner;
    @LocalServerPort
    int port;
    MyGovFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new MyGovFixture(app, port);
        clock.setCity("2026-11-10T09:00");
        scan(); // the first scan of a source only sets its position
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SubscriptionScanner.Outcome scan() {
        return scanner.scan().block(Duration.ofSeconds(30));
    }

    private void subscribe(MyGovFixture.Person person, String kind, String target, String frequency) {
        person.client().post("/api/me/subscriptions", Map.of("kind", kind, "target", target, "frequency", frequency))
                .expectStatus().isCreated();
    }

    private byte[] notifications(MyGovFixture.Person person) {
        return person.client().get("/api/me/notifications").expectStatus().isOk().expectBody().returnResult().getResponseBody();
    }

    @Test
    void notifiesImmediateSubscriberOfNewDocumentOnceEvenWhenScannedAgain() {
        var person = fixture.citizen("sc_doc");
        var bystander = fixture.citizen("sc_bystander");
        long housing = fixture.department("HOUSING");
        subscribe(person, "disclosure_department", String.valueOf(housing), "immediate");
        long doc = fixture.document(housing, "notice-notice", "关于公租房申请的通知", clock.instant());
        fixture.document(fixture.department("HRSS"), "notice-notice", "其他部门的通知", clock.instant());

        // Other tests' subscribers (same category) may be delivered to as well: count this person's only.
        assertThat(scan().delivered()).isPositive();
        assertThat(scan().delivered()).isZero();

        byte[] body = notifications(person);
        assertThat(MyGovJson.longAt(body, "/total")).isEqualTo(1);
        assertThat(MyGovJson.textAt(body, "/items/0/kind")).isEqualTo("mygov.disclosure");
        assertThat(MyGovJson.textAt(body, "/items/0/title")).isEqualTo("关于公租房申请的通知");
        assertThat(MyGovJson.textAt(body, "/items/0/link")).isEqualTo("/disclosure/document.html?id=" + doc);
        assertThat(MyGovJson.longAt(body, "/unread")).isEqualTo(1);
        assertThat(MyGovJson.longAt(notifications(bystander), "/total")).isZero();
    }

    @Test
    void sendsOneDailyDigestAfterTheDayEndsForDocumentsOfSubscribedParentCategory() {
        var person = fixture.citizen("sc_daily");
        long civil = fixture.department("CIVIL");
        subscribe(person, "disclosure_category", "notice", "daily");
        fixture.document(civil, "notice-notice", "通知一", clock.instant());
        fixture.document(civil, "notice-announcement", "公示二", clock.instant());
        assertThat(scan().delivered()).isGreaterThanOrEqualTo(2);
        assertThat(MyGovJson.longAt(notifications(person), "/total")).as("no digest before the day ends").isZero();

        clock.setCity("2026-11-11T00:01");
        assertThat(scan().digests()).isEqualTo(1);
        assertThat(scan().digests()).isZero();
        byte[] body = notifications(person);
        assertThat(MyGovJson.longAt(body, "/total")).isEqualTo(1);
        assertThat(MyGovJson.textAt(body, "/items/0/kind")).isEqualTo("mygov.digest");
        assertThat(MyGovJson.textAt(body, "/items/0/title")).isEqualTo("每日订阅摘要（2026-11-10）：共 2 条更新");
        String link = MyGovJson.textAt(body, "/items/0/link");
        String digestId = link.replaceAll("^/me/\\?digest=([0-9]+)#notifications$", "$1");
        person.client().get("/api/me/digests/" + digestId).expectStatus().isOk().expectBody()
                .jsonPath("$.period").isEqualTo("2026-11-10")
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].title").isEqualTo("通知一");
        fixture.citizen("sc_daily_other").client().get("/api/me/digests/" + digestId).expectStatus().isNotFound();
    }

    @Test
    void notifiesSubscriberOfNewlyScheduledSessionOfDepartment() {
        var person = fixture.citizen("sc_session");
        long hrss = fixture.department("HRSS");
        subscribe(person, "live_sessions", String.valueOf(hrss), "immediate");
        long session = fixture.session(hrss, "就业政策在线访谈", person.id(), Instant.parse("2026-11-20T06:00:00Z"));
        scan();
        byte[] body = notifications(person);
        assertThat(MyGovJson.textAt(body, "/items/0/title")).isEqualTo("就业政策在线访谈（2026-11-20 14:00）");
        assertThat(MyGovJson.textAt(body, "/items/0/link")).isEqualTo("/inquiry/session.html?id=" + session);
    }

    @Test
    void findsNewBillOfSubscribedRecordTypeOnlyWhenIssuedAfterSubscribing() {
        var person = fixture.citizen("sc_bill");
        subscribe(person, "record", "water-bill", "immediate");
        scan();
        assertThat(MyGovJson.longAt(notifications(person), "/total")).as("November's bill was issued before subscribing").isZero();

        clock.setCity("2026-12-05T09:00");
        scan();
        byte[] body = notifications(person);
        assertThat(MyGovJson.longAt(body, "/total")).isEqualTo(1);
        assertThat(MyGovJson.textAt(body, "/items/0/kind")).isEqualTo("mygov.records");
        assertThat(MyGovJson.textAt(body, "/items/0/title")).isEqualTo("水费账单：2026年12月水费账单");

        clock.setCity("2026-12-06T09:00");
        scan();
        assertThat(MyGovJson.longAt(notifications(person), "/total")).isEqualTo(1);
    }

    @Test
    void tellsEachSubscriberOnceWhenTwoNodesScanAtOnce() {
        var person = fixture.citizen("sc_race");
        long transport = fixture.department("TRANSPORT");
        subscribe(person, "disclosure_department", String.valueOf(transport), "immediate");
        for (int i = 0; i < 5; i++) {
            fixture.document(transport, "notice-notice", "交通通知" + i, clock.instant());
        }
        var both = Mono.zip(scanner.scan(), scanner.scan()).block(Duration.ofSeconds(30));
        assertThat(both.getT1().delivered() == 0 || both.getT2().delivered() == 0).as("one scan found the documents").isTrue();
        assertThat(scan().delivered()).isZero();
        assertThat(MyGovJson.longAt(notifications(person), "/total")).isEqualTo(5);
    }

    @Test
    void marksNotificationsReadUpToTheNewest() {
        var person = fixture.citizen("sc_read");
        long housing = fixture.department("HOUSING");
        subscribe(person, "disclosure_department", String.valueOf(housing), "immediate");
        fixture.document(housing, "notice-notice", "第一份", clock.instant());
        fixture.document(housing, "notice-notice", "第二份", clock.instant());
        scan();
        byte[] body = notifications(person);
        assertThat(MyGovJson.longAt(body, "/unread")).isEqualTo(2);
        long older = MyGovJson.longAt(body, "/items/1/seq");
        person.client().post("/api/me/notifications/read", Map.of("upTo", older)).expectStatus().isOk().expectBody()
                .jsonPath("$.unread").isEqualTo(1);
        person.client().post("/api/me/notifications/read", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.unread").isEqualTo(0);
        person.client().get("/api/me/notifications").expectBody().jsonPath("$.items[0].read").isEqualTo(true);
    }
}
