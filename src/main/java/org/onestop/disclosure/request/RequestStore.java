package org.onestop.disclosure.request;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of disclosure requests. */
@Repository("disclosureRequestStore")
class RequestStore {

    record Row(long id, String number, long applicantId, String applicantKind, String applicantName, long departmentId,
            String description, String documentTitle, String documentNumber, String purpose, String delivery,
            String contactPhone, String contactEmail, String contactAddress, Instant receivedAt, LocalDate receivedOn,
            LocalDate countedFrom, LocalDate dueOn, LocalDate extendedDueOn, String extensionReason, LocalDate extendedOn,
            LocalDate effectiveDueOn, String status, String outcome, String legalGround, String replyText,
            Instant repliedAt, LocalDate repliedOn) {
    }

    /** A checked application with its clock. */
    record NewRequest(long applicantId, String applicantKind, String applicantName, long departmentId, String description,
            String documentTitle, String documentNumber, String purpose, String delivery, String contactPhone,
            String contactEmail, String contactAddress, Instant receivedAt, ReplyClock.Start start) {
    }

    private static final String SELECT = """
            SELECT id, number, applicant_id, applicant_kind, applicant_name, department_id, description, document_title,
                   document_number, purpose, delivery, contact_phone, contact_email, contact_address, received_at,
                   received_on, counted_from, due_on, extended_due_on, extension_reason, extended_on, effective_due_on,
                   status, outcome, legal_ground, reply_text, replied_at, replied_on
            FROM disclosure_request""";

    private final DatabaseClient db;

    RequestStore(DatabaseClient db) {
        this.db = db;
    }

    /** The next serial of a year's request numbers, taken atomically. */
    Mono<Integer> nextSerial(int year) {
        return db.sql("""
                INSERT INTO disclosure_request_counter AS c (year, last_serial) VALUES (:y, 1)
                ON CONFLICT (year) DO UPDATE SET last_serial = c.last_serial + 1 RETURNING last_serial""")
                .bind("y", year).map(r -> r.get(0, Integer.class)).one();
    }

    Mono<Long> insert(String number, NewRequest r) {
        var spec = db.sql("""
                INSERT INTO disclosure_request (number, applicant_id, applicant_kind, applicant_name, department_id,
                    description, document_title, document_number, purpose, delivery, contact_phone, contact_email,
                    contact_address, received_at, received_on, counted_from, due_on)
                VALUES (:number, :applicant, :kind, :name, :department, :description, :title, :docNumber, :purpose,
                    :delivery, :phone, :email, :address, :at, :on, :from, :due) RETURNING id""")
                .bind("number", number).bind("applicant", r.applicantId()).bind("kind", r.applicantKind())
                .bind("name", r.applicantName()).bind("department", r.departmentId()).bind("description", r.description())
                .bind("purpose", r.purpose()).bind("delivery", r.delivery()).bind("phone", r.contactPhone())
                .bind("at", r.receivedAt()).bind("on", r.start().receivedOn()).bind("from", r.start().countedFrom())
                .bind("due", r.start().dueOn());
        spec = nullable(spec, "title", r.documentTitle());
        spec = nullable(spec, "docNumber", r.documentNumber());
        spec = nullable(spec, "email", r.contactEmail());
        spec = nullable(spec, "address", r.contactAddress());
        return spec.map(row -> row.get(0, Long.class)).one();
    }

    Mono<Row> find(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(RequestStore::row).one();
    }

    /** The request, locked until the transaction ends, so two officials cannot both reply or extend. */
    Mono<Row> lock(long id) {
        return db.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(RequestStore::row).one();
    }

    Flux<Row> ofApplicant(long applicantId, int limit, long offset) {
        return db.sql(SELECT + " WHERE applicant_id = :a ORDER BY received_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("a", applicantId).bind("limit", limit).bind("offset", offset).map(RequestStore::row).all();
    }

    Mono<Long> countOfApplicant(long applicantId) {
        return db.sql("SELECT count(*) FROM disclosure_request WHERE applicant_id = :a").bind("a", applicantId)
                .map(r -> r.get(0, Long.class)).one();
    }

    /**
     * A queue page: open (or replied, or all) requests of one department or of all (null), soonest
     * due first; replied ones in the order they were due too, so the list reads the same way.
     */
    Flux<Row> queue(Long departmentId, String state, int limit, long offset) {
        return queueSpec(SELECT + QUEUE_WHERE + " ORDER BY effective_due_on, id LIMIT :limit OFFSET :offset",
                departmentId, state).bind("limit", limit).bind("offset", offset).map(RequestStore::row).all();
    }

    Mono<Long> countQueue(Long departmentId, String state) {
        return queueSpec("SELECT count(*) FROM disclosure_request" + QUEUE_WHERE, departmentId, state)
                .map(r -> r.get(0, Long.class)).one();
    }

    private static final String QUEUE_WHERE = " WHERE (CAST(:department AS bigint) IS NULL OR department_id = :department)"
            + " AND (:state = 'all' OR (:state = 'open') = (status <> 'replied'))";

    private DatabaseClient.GenericExecuteSpec queueSpec(String sql, Long departmentId, String state) {
        var spec = db.sql(sql).bind("state", state);
        return departmentId == null ? spec.bindNull("department", Long.class) : spec.bind("department", departmentId);
    }

    Mono<Void> extend(long id, LocalDate extendedDue, String reason, LocalDate on, long by) {
        return db.sql("""
                UPDATE disclosure_request SET status = 'extended', extended_due_on = :due, extension_reason = :reason,
                    extended_on = :on, extended_by = :by WHERE id = :id""")
                .bind("due", extendedDue).bind("reason", reason).bind("on", on).bind("by", by).bind("id", id).then();
    }

    Mono<Void> reply(long id, Outcome outcome, LegalGround ground, String text, Instant at, LocalDate on, long by) {
        var spec = db.sql("""
                UPDATE disclosure_request SET status = 'replied', outcome = :outcome, legal_ground = :ground,
                    reply_text = :text, replied_at = :at, replied_on = :on, replied_by = :by WHERE id = :id""")
                .bind("outcome", outcome.code()).bind("text", text).bind("at", at).bind("on", on).bind("by", by).bind("id", id);
        return nullable(spec, "ground", ground == null ? null : ground.code()).then();
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static Row row(Readable r) {
        return new Row(r.get("id", Long.class), r.get("number", String.class), r.get("applicant_id", Long.class),
                r.get("applicant_kind", String.class), r.get("applicant_name", String.class), r.get("department_id", Long.class),
                r.get("description", String.class), r.get("document_title", String.class), r.get("document_number", String.class),
                r.get("purpose", String.class), r.get("delivery", String.class), r.get("contact_phone", String.class),
                r.get("contact_email", String.class), r.get("contact_address", String.class), r.get("received_at", Instant.class),
                r.get("received_on", LocalDate.class), r.get("counted_from", LocalDate.class), r.get("due_on", LocalDate.class),
                r.get("extended_due_on", LocalDate.class), r.get("extension_reason", String.class),
                r.get("extended_on", LocalDate.class), r.get("effective_due_on", LocalDate.class), r.get("status", String.class),
                r.get("outcome", String.class), r.get("legal_ground", String.class), r.get("reply_text", String.class),
                r.get("replied_at", Instant.class), r.get("replied_on", LocalDate.class));
    }
}
