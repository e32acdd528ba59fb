package org.onestop.inquiry;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.mygov.MyGovTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** "My live questions": the asker's own questions with their session and latest answer, and nobody else's. */
@MyGovTest
class MyQuestionsApiTests {

    @Autowired
    ApplicationContext app;
    @LocalServerPort
    int port;

    @Test
    void listsOwnQuestionsWithAnswerAndHidesOthers() {
        long asker = TestAccounts.citizen(app, "mq_asker");
        TestAccounts.citizen(app, "mq_other");
        DatabaseClient db = app.getBean(DatabaseClient.class);
        Instant at = Instant.parse("2026-11-10T02:00:00Z");
        long session = db.sql("""
                INSERT INTO inquiry_session (title, department_id, status, starts_at, ends_at, created_by, created_at)
                SELECT '住房政策访谈', id, 'ended', :at, :end, :by, :at FROM department WHERE code = 'HOUSING' RETURNING id""")
                .bind("at", at).bind("end", at.plusSeconds(3600)).bind("by", asker)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        long question = db.sql("""
                INSERT INTO inquiry_question (session_id, asker_id, asker_name, anonymous, original_text, text, status, submitted_at)
                VALUES (:s, :a, '测试', false, '公租房什么时候开始申请？', '公租房什么时候开始申请？', 'approved', :at) RETURNING id""")
                .bind("s", session).bind("a", asker).bind("at", at)
                .map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        db.sql("""
                INSERT INTO inquiry_answer (question_id, official_id, official_name, text, posted_at)
                VALUES (:q, :a, '王处长', '下月一日开始受理。', :at)""")
                .bind("q", question).bind("a", asker).bind("at", at.plusSeconds(600)).then().block(Duration.ofSeconds(5));

        new PortalClient(port).login("mq_asker", TestAccounts.PASSWORD).get("/api/me/questions").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].sessionTitle").isEqualTo("住房政策访谈")
                .jsonPath("$.items[0].text").isEqualTo("公租房什么时候开始申请？")
                .jsonPath("$.items[0].answer").isEqualTo("下月一日开始受理。")
                .jsonPath("$.items[0].answeredBy").isEqualTo("王处长");
        new PortalClient(port).login("mq_other", TestAccounts.PASSWORD).get("/api/me/questions").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        new PortalClient(port).get("/api/me/questions").expectStatus().isUnauthorized();
    }
}
