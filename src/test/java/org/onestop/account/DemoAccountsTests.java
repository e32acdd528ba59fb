package org.onestop.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The demo accounts, created as start-up creates them when demo data is on (invoked here directly,
 * since tests run with it off): the education official belongs to 市教育局 and can sign in, and
 * running again, or on two nodes at once, creates nothing twice.
 */
@PortalTest
class DemoAccountsTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private DemoAccounts demoAccounts() {
        return new DemoAccounts(app.getBean(AccountStore.class), app.getBean(Departments.class),
                app.getBean(PasswordHashing.class), app.getBean(TransactionalOperator.class));
    }

    private long count(String sql) {
        return app.getBean(DatabaseClient.class).sql(sql).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void createsEducationOfficialOfEduOnceWhenRunTwiceAndOnTwoNodesAtOnce() {
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> demoAccounts().run(null));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> demoAccounts().run(null));
        CompletableFuture.allOf(first, second).join();
        long accounts = count("SELECT count(*) FROM app_user");
        assertThat(accounts).isEqualTo(11);
        assertThat(count("SELECT count(*) FROM app_user u JOIN department d ON d.id = u.department_id "
                + "WHERE u.username = 'education_official' AND d.code = 'EDU' AND u.job_title = '基础教育处处长' "
                + "AND u.display_name = '陈静'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM user_role r JOIN app_user u ON u.id = r.user_id "
                + "WHERE u.username = 'education_official' AND r.role = 'official'")).isEqualTo(1);

        demoAccounts().run(null);
        assertThat(count("SELECT count(*) FROM app_user")).isEqualTo(accounts);

        PortalClient official = new PortalClient(port).login("education_official", DemoAccounts.PASSWORD);
        Map<?, ?> me = official.get("/api/me").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(me.get("displayName")).isEqualTo("陈静");
    }
}
