package org.onestop.inquiry;

import java.time.Instant;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * "My live questions" for My Government: the questions the signed-in person asked in live
 * sessions, newest first, with their session, status, moderator's reason and latest answer. The
 * asker sees their own wording as submitted, whatever the moderators did with it.
 */
@RestController
class MyQuestionsController {

    record MyQuestion(long id, long sessionId, String sessionTitle, String sessionStatus, String text, String status,
            String reason, boolean anonymous, int votes, Instant submittedAt, String answer, String answeredBy, Instant answeredAt) {
    }

    private final DatabaseClient db;

    MyQuestionsController(DatabaseClient db) {
        this.db = db;
    }

    @GetMapping("/api/me/questions")
    Mono<PageResponse<MyQuestion>> mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal PortalUser user) {
        PageQuery query = PageQuery.of(page, size);
        Mono<Long> total = db.sql("SELECT count(*) FROM inquiry_question WHERE asker_id = :user").bind("user", user.id())
                .map(row -> row.get(0, Long.class)).one();
        return db.sql("""
                SELECT q.id, q.session_id, s.title AS session_title, s.status AS session_status, q.original_text, q.status,
                       q.reason, q.anonymous, q.votes, q.submitted_at, a.text AS answer, a.official_name, a.posted_at
                FROM inquiry_question q
                JOIN inquiry_session s ON s.id = q.session_id
                LEFT JOIN LATERAL (SELECT text, official_name, posted_at FROM inquiry_answer
                                   WHERE question_id = q.id ORDER BY posted_at DESC, id DESC LIMIT 1) a ON TRUE
                WHERE q.asker_id = :user
                ORDER BY q.submitted_at DESC, q.id DESC LIMIT :size OFFSET :offset""")
                .bind("user", user.id()).bind("size", query.size()).bind("offset", query.offset())
                .map(row -> new MyQuestion(row.get("id", Long.class), row.get("session_id", Long.class),
                        row.get("session_title", String.class), row.get("session_status", String.class),
                        row.get("original_text", String.class), row.get("status", String.class), row.get("reason", String.class),
                        Boolean.TRUE.equals(row.get("anonymous", Boolean.class)), row.get("votes", Integer.class),
                        row.get("submitted_at", Instant.class), row.get("answer", String.class), row.get("official_name", String.class),
                        row.get("posted_at", Instant.class)))
                .all()
                .collectList()
                .zipWith(total, (items, count) -> new PageResponse<>(items, query.page(), query.size(), count));
    }
}
