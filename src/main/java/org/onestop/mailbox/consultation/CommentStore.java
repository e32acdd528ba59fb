package org.onestop.mailbox.consultation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of comments on consultations and of the decisions the feedback gives them. */
@Repository
class CommentStore {

    record Row(long id, long consultationId, long authorId, String authorName, boolean anonymous, String text,
            List<String> flags, String status, String reason, Instant submittedAt, Instant reviewedAt,
            String decision, String decisionReason) {
    }

    /** One decision of the feedback, checked: the reason is null when none was given. */
    record Decision(long commentId, String decision, String reason) {
    }

    private static final String SELECT = """
            SELECT id, consultation_id, author_id, author_name, anonymous, text, flags, status, reason, submitted_at,
                   reviewed_at, decision, decision_reason
            FROM consultation_comment""";

    private final DatabaseClient db;

    CommentStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long consultationId, long authorId, String authorName, boolean anonymous, String text,
            List<String> flags, Instant now) {
        return db.sql("""
                INSERT INTO consultation_comment (consultation_id, author_id, author_name, anonymous, text, flags, status, submitted_at)
                VALUES (:c, :a, :name, :anonymous, :text, CAST(:flags AS text[]), 'pending', :now) RETURNING id""")
                .bind("c", consultationId).bind("a", authorId).bind("name", authorName).bind("anonymous", anonymous)
                .bind("text", text).bind("flags", flags.toArray(String[]::new)).bind("now", now)
                .map(r -> r.get(0, Long.class)).one();
    }

    Mono<Row> find(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(CommentStore::row).one();
    }

    /** The comment, locked until the transaction ends: moderation decisions on it happen one at a time. */
    Mono<Row> lock(long id) {
        return db.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(CommentStore::row).one();
    }

    /**
     * One page of a consultation's comments in the given statuses, oldest first; {@code decision}
     * (when not null) keeps only approved comments the feedback gave that decision.
     */
    Flux<Row> page(long consultationId, Collection<String> statuses, String decision, long offset, int limit) {
        var spec = db.sql(SELECT + """
                 WHERE consultation_id = :c AND status = ANY(:statuses)
                  AND (CAST(:decision AS varchar) IS NULL OR decision = :decision)
                ORDER BY submitted_at, id LIMIT :limit OFFSET :offset""");
        return bindList(spec, consultationId, statuses, decision).bind("limit", limit).bind("offset", offset)
                .map(CommentStore::row).all();
    }

    Mono<Long> count(long consultationId, Collection<String> statuses, String decision) {
        var spec = db.sql("""
                SELECT count(*) FROM consultation_comment WHERE consultation_id = :c AND status = ANY(:statuses)
                  AND (CAST(:decision AS varchar) IS NULL OR decision = :decision)""");
        return bindList(spec, consultationId, statuses, decision).map(r -> r.get(0, Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindList(DatabaseClient.GenericExecuteSpec spec, long consultationId,
            Collection<String> statuses, String decision) {
        spec = spec.bind("c", consultationId).bind("statuses", statuses.toArray(String[]::new));
        return decision == null ? spec.bindNull("decision", String.class) : spec.bind("decision", decision);
    }

    Flux<Row> byAuthor(long consultationId, long authorId) {
        return db.sql(SELECT + " WHERE consultation_id = :c AND author_id = :a ORDER BY submitted_at DESC, id DESC")
                .bind("c", consultationId).bind("a", authorId).map(CommentStore::row).all();
    }

    Mono<Void> review(long id, String status, String reason, long by, Instant at) {
        var spec = db.sql("""
                UPDATE consultation_comment SET status = :status, reason = :reason, reviewed_by = :by, reviewed_at = :at
                WHERE id = :id""")
                .bind("status", status).bind("by", by).bind("at", at).bind("id", id);
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason)).then();
    }

    Mono<Long> pendingCount(long consultationId) {
        return db.sql("SELECT count(*) FROM consultation_comment WHERE consultation_id = :c AND status = 'pending'")
                .bind("c", consultationId).map(r -> r.get(0, Long.class)).one();
    }

    /** Pending comments by consultation, for the given consultations; those with none are left out. */
    Flux<long[]> pendingCounts(Collection<Long> consultationIds) {
        return db.sql("""
                SELECT consultation_id, count(*) AS pending FROM consultation_comment
                WHERE consultation_id = ANY(:ids) AND status = 'pending' GROUP BY consultation_id""")
                .bind("ids", consultationIds.toArray(Long[]::new))
                .map(r -> new long[] {r.get("consultation_id", Long.class), r.get("pending", Long.class)}).all();
    }

    /** Which of the given ids are approved comments of this consultation. */
    Flux<Long> approvedAmong(long consultationId, Collection<Long> ids) {
        return db.sql("SELECT id FROM consultation_comment WHERE consultation_id = :c AND status = 'approved' AND id = ANY(:ids)")
                .bind("c", consultationId).bind("ids", ids.toArray(Long[]::new)).map(r -> r.get(0, Long.class)).all();
    }

    /**
     * Records the decisions in one statement. Reasons travel as an array in which an empty string
     * stands for "no reason", because a decision without one is stored as NULL.
     */
    Mono<Long> decide(long consultationId, List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                UPDATE consultation_comment k SET decision = d.decision, decision_reason = NULLIF(d.reason, '')
                FROM unnest(CAST(:ids AS bigint[]), CAST(:decisions AS varchar[]), CAST(:reasons AS varchar[]))
                     AS d (id, decision, reason)
                WHERE k.id = d.id AND k.consultation_id = :c AND k.status = 'approved'""")
                .bind("ids", decisions.stream().map(Decision::commentId).toArray(Long[]::new))
                .bind("decisions", decisions.stream().map(Decision::decision).toArray(String[]::new))
                .bind("reasons", decisions.stream().map(d -> d.reason() == null ? "" : d.reason()).toArray(String[]::new))
                .bind("c", consultationId)
                .fetch().rowsUpdated();
    }

    /** approved, adopted, partly adopted, not adopted: the counts of the feedback. */
    Mono<long[]> decisionCounts(long consultationId) {
        return db.sql("""
                SELECT count(*) AS approved,
                       count(*) FILTER (WHERE decision = 'adopted') AS adopted,
                       count(*) FILTER (WHERE decision = 'partly_adopted') AS partly,
                       count(*) FILTER (WHERE decision = 'not_adopted') AS not_adopted
                FROM consultation_comment WHERE consultation_id = :c AND status = 'approved'""")
                .bind("c", consultationId)
                .map(r -> new long[] {r.get("approved", Long.class), r.get("adopted", Long.class),
                        r.get("partly", Long.class), r.get("not_adopted", Long.class)})
                .one();
    }

    private static Row row(Readable r) {
        String[] flags = r.get("flags", String[].class);
        return new Row(r.get("id", Long.class), r.get("consultation_id", Long.class), r.get("author_id", Long.class),
                r.get("author_name", String.class), Boolean.TRUE.equals(r.get("anonymous", Boolean.class)),
                r.get("text", String.class), flags == null ? List.of() : Arrays.asList(flags),
                r.get("status", String.class), r.get("reason", String.class), r.get("submitted_at", Instant.class),
                r.get("reviewed_at", Instant.class), r.get("decision", String.class),
                r.get("decision_reason", String.class));
    }
}
