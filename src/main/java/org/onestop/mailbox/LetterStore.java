package org.onestop.mailbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of letters: writing one, reading them, and each step of a case. */
@Repository
class LetterStore {

    static final String COLUMNS = """
            l.id, l.tracking_number, l.query_code_hash, l.channel, l.source, l.mailbox, l.mailbox_department_id, l.kind,
            l.title, l.body, l.location, l.consent_to_publish, l.contact_preference, l.writer_id, l.writer_name, l.status,
            l.triage_department_id, l.lead_department_id, l.step, l.due_on, l.paused_days_left, l.reopened,
            l.not_accepted_reason, l.reply_text, l.reply_department_id, l.reply_due_on, l.rating_due_at, l.satisfaction,
            l.rating_comment, l.received_at, l.accepted_at, l.dispatched_at, l.replied_at, l.rated_at, l.closed_at, l.published,
            l.petition_request""";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM mailbox_letter l";

    private final DatabaseClient db;

    LetterStore(DatabaseClient db) {
        this.db = db;
    }

    /** A checked letter about to be stored. */
    record NewLetter(Channel channel, String mailbox, Long mailboxDepartmentId, LetterKind kind, String title, String body,
            String location, String petitionRequest, boolean consentToPublish, String contactPreference, long writerId,
            String writerName, String queryCodeHash, LocalDate acceptDueOn, Instant receivedAt) {
    }

    /**
     * Stores a received letter under the tracking number, or returns empty when the number is taken
     * (the caller draws another). ON CONFLICT keeps the transaction usable for that retry.
     */
    Mono<Long> insert(NewLetter l, String trackingNumber) {
        var spec = db.sql("""
                INSERT INTO mailbox_letter (tracking_number, query_code_hash, channel, mailbox, mailbox_department_id, kind, title,
                    body, location, petition_request, consent_to_publish, contact_preference, writer_id, writer_name, status,
                    triage_department_id, step, due_on, received_at)
                VALUES (:number, :hash, :channel, :mailbox, :mailboxDepartment, :kind, :title, :body, :location, :request, :consent,
                    :contact, :writer, :writerName, 'received', :mailboxDepartment, 'accept', :due, :at)
                ON CONFLICT (tracking_number) DO NOTHING RETURNING id""")
                .bind("number", trackingNumber).bind("hash", l.queryCodeHash()).bind("channel", l.channel().code())
                .bind("mailbox", l.mailbox())
                .bind("kind", l.kind().code()).bind("title", l.title()).bind("body", l.body())
                .bind("consent", l.consentToPublish()).bind("contact", l.contactPreference()).bind("writer", l.writerId())
                .bind("writerName", l.writerName()).bind("due", l.acceptDueOn()).bind("at", l.receivedAt());
        spec = l.mailboxDepartmentId() == null ? spec.bindNull("mailboxDepartment", Long.class)
                : spec.bind("mailboxDepartment", l.mailboxDepartmentId());
        spec = l.location() == null ? spec.bindNull("location", String.class) : spec.bind("location", l.location());
        spec = l.petitionRequest() == null ? spec.bindNull("request", String.class) : spec.bind("request", l.petitionRequest());
        return spec.map(r -> r.get(0, Long.class)).one();
    }

    /** Records where a letter came from when not the web form, e.g. an Open311 request and its service code. */
    Mono<Void> markSource(long id, String source, String serviceCode) {
        return db.sql("UPDATE mailbox_letter SET source = :source, service_code = :code WHERE id = :id")
                .bind("source", source).bind("code", serviceCode).bind("id", id).then();
    }

    /** A live question turned into a case: written by its asker, already dispatched to the session's department. */
    record NewFollowUp(long questionId, long departmentId, String title, String body, long writerId, String writerName,
            String queryCodeHash, LocalDate replyDueOn, Instant at) {
    }

    /**
     * Stores a follow-up case in the reply step of its lead department, or returns empty when the
     * number is taken or the question already has a case (the caller looks again).
     */
    Mono<Long> insertFollowUp(NewFollowUp f, String trackingNumber) {
        return db.sql("""
                INSERT INTO mailbox_letter (tracking_number, query_code_hash, source, inquiry_question_id, mailbox,
                    mailbox_department_id, kind, title, body, consent_to_publish, contact_preference, writer_id, writer_name,
                    status, triage_department_id, lead_department_id, step, due_on, received_at, accepted_at, dispatched_at)
                VALUES (:number, :hash, 'live_followup', :question, 'department', :department, 'consultation', :title, :body,
                    FALSE, 'none', :writer, :writerName, 'handling', :department, :department, 'reply', :due, :at, :at, :at)
                ON CONFLICT DO NOTHING RETURNING id""")
                .bind("number", trackingNumber).bind("hash", f.queryCodeHash()).bind("question", f.questionId())
                .bind("department", f.departmentId()).bind("title", f.title()).bind("body", f.body())
                .bind("writer", f.writerId()).bind("writerName", f.writerName()).bind("due", f.replyDueOn()).bind("at", f.at())
                .map(r -> r.get(0, Long.class)).one();
    }

    /** The case of a followed-up live question: its letter, number and status. */
    record QuestionCase(long questionId, long letterId, String trackingNumber, Status status) {
    }

    Flux<QuestionCase> byQuestions(java.util.Collection<Long> questionIds) {
        return db.sql("""
                SELECT inquiry_question_id, id, tracking_number, status FROM mailbox_letter
                WHERE inquiry_question_id = ANY(:ids) ORDER BY inquiry_question_id""")
                .bind("ids", questionIds.toArray(Long[]::new))
                .map(r -> new QuestionCase(r.get("inquiry_question_id", Long.class), r.get("id", Long.class),
                        r.get("tracking_number", String.class), Status.fromCode(r.get("status", String.class))))
                .all();
    }

    Mono<Letter> find(long id) {
        return db.sql(SELECT + " WHERE l.id = :id").bind("id", id).map(LetterStore::letter).one();
    }

    /** The letter, locked until the transaction ends: steps of one case happen one at a time. */
    Mono<Letter> lock(long id) {
        return db.sql(SELECT + " WHERE l.id = :id FOR UPDATE").bind("id", id).map(LetterStore::letter).one();
    }

    Mono<Letter> byNumber(String trackingNumber) {
        return db.sql(SELECT + " WHERE l.tracking_number = :n").bind("n", trackingNumber).map(LetterStore::letter).one();
    }

    Flux<Letter> byWriter(long writerId, long offset, int limit) {
        return db.sql(SELECT + " WHERE l.writer_id = :w ORDER BY l.received_at DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .bind("w", writerId).bind("limit", limit).bind("offset", offset).map(LetterStore::letter).all();
    }

    Mono<Long> countByWriter(long writerId) {
        return db.sql("SELECT count(*) FROM mailbox_letter WHERE writer_id = :w").bind("w", writerId)
                .map(r -> r.get(0, Long.class)).one();
    }

    /** Moves a case to a step of triage or dispatch: its status, triage office, lead, and clock. */
    Mono<Void> route(long id, Status status, Long triageDepartmentId, Long leadDepartmentId, Step step, LocalDate dueOn) {
        var spec = db.sql("""
                UPDATE mailbox_letter SET status = :status, triage_department_id = :triage, lead_department_id = :lead,
                       step = :step, due_on = :due
                WHERE id = :id""")
                .bind("id", id).bind("status", status.code()).bind("step", step.code()).bind("due", dueOn);
        spec = triageDepartmentId == null ? spec.bindNull("triage", Long.class) : spec.bind("triage", triageDepartmentId);
        spec = leadDepartmentId == null ? spec.bindNull("lead", Long.class) : spec.bind("lead", leadDepartmentId);
        return spec.then();
    }

    Mono<Void> markAccepted(long id, Instant at) {
        return db.sql("UPDATE mailbox_letter SET accepted_at = :at WHERE id = :id").bind("at", at).bind("id", id).then();
    }

    Mono<Void> markDispatched(long id, Instant at) {
        return db.sql("UPDATE mailbox_letter SET dispatched_at = :at WHERE id = :id").bind("at", at).bind("id", id).then();
    }

    Mono<Void> notAccept(long id, String reason, Instant at) {
        return db.sql("""
                UPDATE mailbox_letter SET status = 'not_accepted', not_accepted_reason = :reason, step = NULL, due_on = NULL,
                       closed_at = :at
                WHERE id = :id""")
                .bind("reason", reason).bind("at", at).bind("id", id).then();
    }

    /** Stops the reply clock while the writer is asked for more, keeping the working days left. */
    Mono<Void> pause(long id, int daysLeft) {
        return db.sql("UPDATE mailbox_letter SET status = 'awaiting_writer', due_on = NULL, paused_days_left = :left WHERE id = :id")
                .bind("left", daysLeft).bind("id", id).then();
    }

    Mono<Void> resume(long id, LocalDate dueOn) {
        return db.sql("UPDATE mailbox_letter SET status = 'handling', due_on = :due, paused_days_left = NULL WHERE id = :id")
                .bind("due", dueOn).bind("id", id).then();
    }

    Mono<Void> reply(long id, String text, long departmentId, LocalDate replyDueOn, Instant at, Instant ratingDueAt) {
        return db.sql("""
                UPDATE mailbox_letter SET status = 'replied', reply_text = :text, reply_department_id = :department,
                       reply_due_on = :replyDue, replied_at = :at, rating_due_at = :ratingDue, step = NULL, due_on = NULL
                WHERE id = :id""")
                .bind("text", text).bind("department", departmentId).bind("replyDue", replyDueOn).bind("at", at)
                .bind("ratingDue", ratingDueAt).bind("id", id).then();
    }

    Mono<Void> rate(long id, int satisfaction, String comment, Instant at) {
        var spec = db.sql("UPDATE mailbox_letter SET satisfaction = :s, rating_comment = :c, rated_at = :at WHERE id = :id")
                .bind("s", (short) satisfaction).bind("at", at).bind("id", id);
        return (comment == null ? spec.bindNull("c", String.class) : spec.bind("c", comment)).then();
    }

    Mono<Void> reopen(long id, LocalDate dueOn) {
        return db.sql("""
                UPDATE mailbox_letter SET status = 'handling', reopened = TRUE, step = 'reply', due_on = :due, rating_due_at = NULL
                WHERE id = :id""")
                .bind("due", dueOn).bind("id", id).then();
    }

    Mono<Void> close(long id, Instant at) {
        return db.sql("UPDATE mailbox_letter SET status = 'closed', closed_at = :at, step = NULL, due_on = NULL WHERE id = :id")
                .bind("at", at).bind("id", id).then();
    }

    /** Replied letters whose rating window has run out, oldest first. */
    Flux<Long> expiredReplies(Instant now, int limit) {
        return db.sql("""
                SELECT id FROM mailbox_letter WHERE status = 'replied' AND rating_due_at <= :now
                ORDER BY rating_due_at LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map(r -> r.get(0, Long.class)).all();
    }

    static Letter letter(Readable r) {
        Short satisfaction = r.get("satisfaction", Short.class);
        return new Letter(r.get("id", Long.class), r.get("tracking_number", String.class), r.get("query_code_hash", String.class),
                r.get("channel", String.class), r.get("source", String.class), r.get("mailbox", String.class),
                r.get("mailbox_department_id", Long.class), LetterKind.fromCode(r.get("kind", String.class)),
                r.get("title", String.class), r.get("body", String.class), r.get("location", String.class),
                Boolean.TRUE.equals(r.get("consent_to_publish", Boolean.class)), r.get("contact_preference", String.class),
                r.get("writer_id", Long.class), r.get("writer_name", String.class), Status.fromCode(r.get("status", String.class)),
                r.get("triage_department_id", Long.class), r.get("lead_department_id", Long.class),
                Step.fromCode(r.get("step", String.class)), r.get("due_on", LocalDate.class), r.get("paused_days_left", Integer.class),
                Boolean.TRUE.equals(r.get("reopened", Boolean.class)), r.get("not_accepted_reason", String.class),
                r.get("reply_text", String.class), r.get("reply_department_id", Long.class), r.get("reply_due_on", LocalDate.class),
                r.get("rating_due_at", Instant.class), satisfaction == null ? null : satisfaction.intValue(),
                r.get("rating_comment", String.class), r.get("received_at", Instant.class), r.get("accepted_at", Instant.class),
                r.get("dispatched_at", Instant.class), r.get("replied_at", Instant.class), r.get("rated_at", Instant.class),
                r.get("closed_at", Instant.class), Boolean.TRUE.equals(r.get("published", Boolean.class)),
                r.get("petition_request", String.class));
    }
}
