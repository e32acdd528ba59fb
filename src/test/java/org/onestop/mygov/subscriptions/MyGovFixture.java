package org.onestop.mygov.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** Citizens signed in over HTTP, and disclosure documents and live sessions written straight into their tables. */
final class MyGovFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private final ApplicationContext app;
    private final int port;

    record Person(PortalClient client, long id) {
    }

    MyGovFixture(ApplicationContext app, int port) {
        this.app = app;
        this.port = port;
    }

    Person citizen(String username) {
        long id = TestAccounts.citizen(app, username);
        return new Person(new PortalClient(port).login(username, TestAccounts.PASSWORD), id);
    }

    long department(String code) {
        return db().sql("SELECT id FROM department WHERE code = :c").bind("c", code).map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
    }

    long document(long departmentId, String categoryCode, String title, Instant at) {
        int n = SERIAL.incrementAndGet();
        return db().sql("""
                INSERT INTO disclosure_document (index_number, department_id, category_id, title, published_on, validity, body,
                                                 body_text, created_at, updated_at)
                SELECT :index, :dept, id, :title, CAST(:at AS timestamptz)::date, 'valid', '<p>正文</p>', '正文', :at, :at
                FROM disclosure_category WHERE code = :category
                RETURNING id""")
                .bind("index", "TEST/2026-" + String.format("%06d", n)).bind("dept", departmentId).bind("title", title)
                .bind("at", at).bind("category", categoryCode)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    long session(long departmentId, String title, long createdBy, Instant startsAt) {
        return db().sql("""
                INSERT INTO inquiry_session (title, department_id, status, starts_at, ends_at, created_by, created_at)
                VALUES (:title, :dept, 'scheduled', :starts, :ends, :by, :starts) RETURNING id""")
                .bind("title", title).bind("dept", departmentId).bind("starts", startsAt).bind("ends", startsAt.plusSeconds(3600))
                .bind("by", createdBy)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    private DatabaseClient db() {
        return app.getBean(DatabaseClient.class);
    }
}
