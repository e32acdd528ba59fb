package org.onestop.mygov.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.mygov.MyGovTest;
import org.onestop.opendata.demo.DemoSet;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** A subscription to an open dataset hears of each update its department records, and only of that dataset. */
@MyGovTest
class DatasetSubscriptionTests {

    @Autowired
    ApplicationContext app;
    @Autowired
    SubscriptionScanner scanner;
    @LocalServerPort
    int port;

    @Test
    void subscriberOfDatasetIsToldOfItsUpdateOnce() {
        DemoSet.load(app, 2, 5);
        DatabaseClient db = app.getBean(DatabaseClient.class);
        Map<String, Object> dataset = db.sql("""
                SELECT d.name, p.code FROM opendata_dataset d JOIN department p ON p.id = d.department_id ORDER BY d.id LIMIT 1""")
                .fetch().one().block(Duration.ofSeconds(5));
        String name = (String) dataset.get("name");
        MyGovFixture fixture = new MyGovFixture(app, port);
        scanner.scan().block(Duration.ofSeconds(30)); // the first scan of a source only sets its position
        var person = fixture.citizen("ds_subscriber");
        var bystander = fixture.citizen("ds_bystander");
        person.client().post("/api/me/subscriptions", Map.of("kind", "dataset", "target", name, "frequency", "immediate"))
                .expectStatus().isCreated();
        person.client().post("/api/me/subscriptions", Map.of("kind", "dataset", "target", "no-such-dataset", "frequency", "immediate"))
                .expectStatus().isBadRequest();
        TestAccounts.staff(app, "ds_publisher", (String) dataset.get("code"), Role.OFFICIAL);
        new PortalClient(port).login("ds_publisher", TestAccounts.PASSWORD)
                .post("/api/opendata/manage/datasets/" + name + "/updates", Map.of("summary", "新增本月数据"))
                .expectStatus().isOk();

        assertThat(scanner.scan().block(Duration.ofSeconds(30)).delivered()).isPositive();
        assertThat(scanner.scan().block(Duration.ofSeconds(30)).delivered()).isZero();

        byte[] body = person.client().get("/api/me/notifications").expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(MyGovJson.longAt(body, "/total")).isEqualTo(1);
        assertThat(MyGovJson.textAt(body, "/items/0/title")).contains("已更新", "新增本月数据");
        assertThat(MyGovJson.textAt(body, "/items/0/link")).isEqualTo("/opendata/dataset.html?name=" + name);
        byte[] others = bystander.client().get("/api/me/notifications").expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        assertThat(MyGovJson.longAt(others, "/total")).isZero();
    }
}
