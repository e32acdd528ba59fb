package org.onestop.mailbox.consultation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of consultations. Every read derives the status from the clock instant it is given. */
@Repository
class ConsultationStore {

    /** A stored consultation with its status as of the instant it was read at. */
    record Row(long id, long departmentId, String title, String summary, String body, Instant opensAt,
            Instant closesAt, String status, Instant createdAt, Instant updatedAt, Instant publishedAt, String feedback,
            Instant feedbackPublishedAt, long approvedComments) {
    }

    /**
     * The one definition of a consultation's status, bound to {@code :now}. Withdrawn wins over
     * everything; an unpublished one is a draft whatever the clock says; published feedback makes a
     * closed consultation concluded.
     */
    static final String STATUS = """
            CASE WHEN c.withdrawn_at IS NOT NULL THEN 'withdrawn'
                 WHEN c.published_at IS NULL THEN 'draft'
                 WHEN c.feedback_published_at IS NOT NULL THEN 'concluded'
                 WHEN :now < c.opens_at THEN 'upcoming'
                 WHEN :now < c.closes_at THEN 'open'
                 ELSE 'closed' END""";

    private static final String SELECT = """
            SELECT c.id, c.department_id, c.title, c.summary, c.body, c.opens_at, c.closes_at, c.created_at,
                   c.updated_at, c.published_at, c.feedback, c.feedback_published_at, %s AS status,
                   (SELECT count(*) FROM consultation_comment k WHERE k.consultation_id = c.id AND k.status = 'approved')
                       AS approved_comments
            FROM consultation c""".formatted(STATUS);

    private static final String FILTER = """

            WHERE c.withdrawn_at IS NULL AND c.published_at IS NOT NULL
              AND (CAST(:status AS varchar) IS NULL OR %s = :status)
              AND (CAST(:department AS bigint) IS NULL OR c.department_id = :department)""".formatted(STATUS);

    private final DatabaseClient db;

    ConsultationStore(DatabaseClient db) {
        this.db = db;
    }

    /** A new consultation, published at once unless {@code unpublished} (then a draft for its department only). */
    Mono<Long> insert(ConsultationDraft draft, long departmentId, long createdBy, Instant now, boolean unpublished) {
        return db.sql("""
                INSERT INTO consultation (department_id, title, summary, body, opens_at, closes_at, created_by, created_at, updated_at,
                                          published_at, published_by)
                VALUES (:department, :title, :summary, :body, :opens, :closes, :by, :now, :now,
                        CASE WHEN :unpublished THEN NULL ELSE CAST(:now AS timestamptz) END,
                        CASE WHEN :unpublished THEN NULL ELSE CAST(:by AS bigint) END) RETURNING id""")
                .bind("department", departmentId).bind("title", draft.title()).bind("summary", draft.summary())
                .bind("body", draft.text()).bind("opens", draft.opensAt()).bind("closes", draft.closesAt())
                .bind("by", createdBy).bind("now", now).bind("unpublished", unpublished)
                .map(r -> r.get(0, Long.class)).one();
    }

    Mono<Void> publish(long id, long by, Instant now) {
        return db.sql("UPDATE consultation SET published_at = :now, published_by = :by, updated_at = :now WHERE id = :id")
                .bind("now", now).bind("by", by).bind("id", id).then();
    }

    /**
     * Every consultation of one department, drafts and withdrawn ones included, newest first, with
     * how many comments wait for review: the department's own list.
     */
    Flux<Row> ofDepartment(long departmentId, Instant now, long offset, int limit) {
        return db.sql(SELECT + " WHERE c.department_id = :department ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                .bind("department", departmentId).bind("now", now).bind("limit", limit).bind("offset", offset)
                .map(ConsultationStore::row).all();
    }

    Mono<Long> countOfDepartment(long departmentId) {
        return db.sql("SELECT count(*) FROM consultation WHERE department_id = :department").bind("department", departmentId)
                .map(r -> r.get(0, Long.class)).one();
    }

    Mono<Row> find(long id, Instant now) {
        return db.sql(SELECT + " WHERE c.id = :id").bind("id", id).bind("now", now).map(ConsultationStore::row).one();
    }

    /** The consultation, locked until the transaction ends: edits, withdrawal and feedback happen one at a time. */
    Mono<Row> lock(long id, Instant now) {
        return db.sql(SELECT + " WHERE c.id = :id FOR UPDATE OF c").bind("id", id).bind("now", now)
                .map(ConsultationStore::row).one();
    }

    /** Public listing: withdrawn drafts are left out; status and department filter when given. */
    Flux<Row> page(String status, Long departmentId, Instant now, long offset, int limit) {
        var spec = db.sql(SELECT + FILTER + " ORDER BY c.opens_at DESC, c.id DESC LIMIT :limit OFFSET :offset");
        return filters(spec, status, departmentId).bind("now", now).bind("limit", limit).bind("offset", offset)
                .map(ConsultationStore::row).all();
    }

    Mono<Long> count(String status, Long departmentId, Instant now) {
        var spec = db.sql("SELECT count(*) FROM consultation c" + FILTER);
        return filters(spec, status, departmentId).bind("now", now).map(r -> r.get(0, Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec filters(DatabaseClient.GenericExecuteSpec spec, String status,
            Long departmentId) {
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        return departmentId == null ? spec.bindNull("department", Long.class) : spec.bind("department", departmentId);
    }

    Mono<Void> update(long id, ConsultationDraft draft, Instant now) {
        return db.sql("""
                UPDATE consultation SET title = :title, summary = :summary, body = :body, opens_at = :opens,
                       closes_at = :closes, updated_at = :now
                WHERE id = :id""")
                .bind("title", draft.title()).bind("summary", draft.summary()).bind("body", draft.text())
                .bind("opens", draft.opensAt()).bind("closes", draft.closesAt()).bind("now", now).bind("id", id)
                .then();
    }

    Mono<Void> withdraw(long id, String reason, long by, Instant now) {
        var spec = db.sql("""
                UPDATE consultation SET withdrawn_at = :now, withdrawn_by = :by, withdrawal_reason = :reason, updated_at = :now
                WHERE id = :id""")
                .bind("now", now).bind("by", by).bind("id", id);
        return (reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason)).then();
    }

    Mono<Void> publishFeedback(long id, String feedback, long by, Instant now) {
        return db.sql("""
                UPDATE consultation SET feedback = :feedback, feedback_published_at = :now, feedback_published_by = :by,
                       updated_at = :now
                WHERE id = :id""")
                .bind("feedback", feedback).bind("now", now).bind("by", by).bind("id", id).then();
    }

    private static Row row(Readable r) {
        return new Row(r.get("id", Long.class), r.get("department_id", Long.class), r.get("title", String.class),
                r.get("summary", String.class), r.get("body", String.class), r.get("opens_at", Instant.class),
                r.get("closes_at", Instant.class), r.get("status", String.class), r.get("created_at", Instant.class),
                r.get("updated_at", Instant.class), r.get("published_at", Instant.class), r.get("feedback", String.class),
                r.get("feedback_published_at", Instant.class), r.get("approved_comments", Long.class));
    }
}
