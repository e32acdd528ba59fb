package org.onestop.application;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of applications and their timelines. A status change only happens from the state it expects. */
@Repository
class ApplicationStore {

    /** A stored application; data and missing are still JSON text. */
    record Row(long id, String number, String serviceCode, int formVersion, String serviceName, String departmentName,
            long departmentId, long applicantId, Long enterpriseId, Status status, String data, String missing,
            LocalDate dueDate, boolean hasResult, Instant createdAt, Instant updatedAt, Instant submittedAt) {
    }

    record NewApplication(String serviceCode, int formVersion, String serviceName, String departmentName,
            long departmentId, long applicantId, Long enterpriseId, Instant at) {
    }

    record Step(String status, Long actorId, String actorName, String note, Instant at) {
    }

    private static final String SELECT = """
            SELECT id, number, service_code, form_version, service_name, department_name, department_id, applicant_id,
                   enterprise_id, status, data::text AS data, missing::text AS missing, due_date,
                   result_html IS NOT NULL AS has_result, created_at, updated_at, submitted_at
            FROM application a
            """;
    /** Applications a person may see as applicant: their own, and their enterprise's. */
    static final String APPLICANT_SEES = """
            (a.applicant_id = :me OR a.enterprise_id = :me
             OR a.enterprise_id IN (SELECT m.enterprise_id FROM enterprise_member m WHERE m.member_id = :me))""";

    private final DatabaseClient db;

    ApplicationStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(NewApplication a) {
        var spec = db.sql("""
                INSERT INTO application (service_code, form_version, service_name, department_name, department_id,
                        applicant_id, enterprise_id, status, created_at, updated_at)
                VALUES (:code, :version, :name, :department, :departmentId, :applicant, :enterprise, 'draft', :at, :at)
                RETURNING id""")
                .bind("code", a.serviceCode()).bind("version", a.formVersion()).bind("name", a.serviceName())
                .bind("department", a.departmentName()).bind("departmentId", a.departmentId())
                .bind("applicant", a.applicantId()).bind("at", a.at());
        spec = a.enterpriseId() == null ? spec.bindNull("enterprise", Long.class) : spec.bind("enterprise", a.enterpriseId());
        return spec.map(r -> r.get(0, Long.class)).one();
    }

    Mono<Row> find(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(ApplicationStore::row).one();
    }

    /** Locks the row for the rest of the transaction, so two actions on one application take turns. */
    Mono<Row> lock(long id) {
        return db.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(ApplicationStore::row).one();
    }

    Mono<Boolean> isMember(long enterpriseId, long memberId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM enterprise_member WHERE enterprise_id = :e AND member_id = :m)")
                .bind("e", enterpriseId).bind("m", memberId).map(r -> r.get(0, Boolean.class)).one();
    }

    Mono<Void> saveData(long id, String data, Instant at) {
        return db.sql("UPDATE application SET data = CAST(:data AS jsonb), updated_at = :at WHERE id = :id")
                .bind("id", id).bind("data", data).bind("at", at).then();
    }

    /** Submits (or resubmits): the number is given once and kept; the missing list is cleared. */
    Mono<Void> submit(long id, String number, LocalDate due, Instant at) {
        return db.sql("""
                UPDATE application SET status = 'submitted', number = COALESCE(number, :number), due_date = :due,
                       missing = '[]', submitted_at = COALESCE(submitted_at, :at), updated_at = :at
                WHERE id = :id""")
                .bind("id", id).bind("number", number).bind("due", due).bind("at", at).then();
    }

    Mono<Void> status(long id, Status status, String missing, Instant at) {
        return db.sql("UPDATE application SET status = :status, missing = CAST(:missing AS jsonb), updated_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status.code()).bind("missing", missing).bind("at", at).then();
    }

    Mono<Void> result(long id, Status status, String html, Instant at) {
        return db.sql("UPDATE application SET status = :status, result_html = :html, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status.code()).bind("html", html).bind("at", at).then();
    }

    Mono<String> resultHtml(long id) {
        return db.sql("SELECT result_html FROM application WHERE id = :id AND result_html IS NOT NULL").bind("id", id)
                .map(r -> r.get(0, String.class)).one();
    }

    Mono<Long> deleteDraft(long id) {
        return db.sql("DELETE FROM application WHERE id = :id AND status = 'draft'").bind("id", id).fetch().rowsUpdated();
    }

    Mono<Long> nextNumber() {
        return db.sql("SELECT nextval('application_number_seq')").map(r -> r.get(0, Long.class)).one();
    }

    Mono<Void> step(long id, Status status, Long actorId, String actorName, String note, Instant at) {
        var spec = db.sql("""
                INSERT INTO application_step (application_id, status, actor_id, actor_name, note, at)
                VALUES (:id, :status, :actor, :name, :note, :at)""")
                .bind("id", id).bind("status", status.code()).bind("name", actorName).bind("at", at);
        spec = actorId == null ? spec.bindNull("actor", Long.class) : spec.bind("actor", actorId);
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.then();
    }

    Flux<Step> steps(long id) {
        return db.sql("SELECT status, actor_id, actor_name, note, at FROM application_step WHERE application_id = :id ORDER BY at, id")
                .bind("id", id).map(r -> new Step(r.get("status", String.class), r.get("actor_id", Long.class),
                        r.get("actor_name", String.class), r.get("note", String.class), r.get("at", Instant.class)))
                .all();
    }

    /** An applicant's applications (with their enterprise's), newest first; status null for all. */
    Flux<Row> mine(long me, Status status, long offset, int limit) {
        return filter(db.sql(SELECT + " WHERE " + APPLICANT_SEES + STATUS + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("me", me), status).bind("limit", limit).bind("offset", offset).map(ApplicationStore::row).all();
    }

    Mono<Long> countMine(long me, Status status) {
        return filter(db.sql("SELECT count(*) FROM application a WHERE " + APPLICANT_SEES + STATUS).bind("me", me), status)
                .map(r -> r.get(0, Long.class)).one();
    }

    /** A department's queue, earliest due first; drafts are never in it. */
    Flux<Row> queue(long department, Status status, long offset, int limit) {
        return filter(db.sql(SELECT + " WHERE department_id = :d AND status <> 'draft'" + STATUS
                + " ORDER BY due_date NULLS LAST, id LIMIT :limit OFFSET :offset").bind("d", department), status)
                .bind("limit", limit).bind("offset", offset).map(ApplicationStore::row).all();
    }

    Mono<Long> countQueue(long department, Status status) {
        return filter(db.sql("SELECT count(*) FROM application a WHERE department_id = :d AND status <> 'draft'" + STATUS)
                .bind("d", department), status).map(r -> r.get(0, Long.class)).one();
    }

    private static final String STATUS = " AND (CAST(:status AS varchar) IS NULL OR a.status = :status)";

    private static DatabaseClient.GenericExecuteSpec filter(DatabaseClient.GenericExecuteSpec spec, Status status) {
        return status == null ? spec.bindNull("status", String.class) : spec.bind("status", status.code());
    }

    private static Row row(Readable r) {
        return new Row(r.get("id", Long.class), r.get("number", String.class), r.get("service_code", String.class),
                r.get("form_version", Integer.class), r.get("service_name", String.class),
                r.get("department_name", String.class), r.get("department_id", Long.class),
                r.get("applicant_id", Long.class), r.get("enterprise_id", Long.class), Status.of(r.get("status", String.class)),
                r.get("data", String.class), r.get("missing", String.class), r.get("due_date", LocalDate.class),
                r.get("has_result", Boolean.class), r.get("created_at", Instant.class), r.get("updated_at", Instant.class),
                r.get("submitted_at", Instant.class));
    }
}
