package org.onestop.inquiry;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of sessions and their assigned staff. */
@Repository
class SessionStore {

    record Row(long id, String title, String description, long departmentId, String status, Instant startsAt,
            Instant endsAt, long peakViewers) {
    }

    record Staff(long userId, String role, String displayName, String jobTitle, String department) {
    }

    private static final String SELECT = "SELECT id, title, description, department_id, status, starts_at, ends_at, peak_viewers FROM inquiry_session";
    private final DatabaseClient db;

    SessionStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(String title, String description, long departmentId, Instant startsAt, Instant endsAt,
            long createdBy, Instant now) {
        return db.sql("""
                INSERT INTO inquiry_session (title, description, department_id, status, starts_at, ends_at, created_by, created_at)
                VALUES (:title, :description, :department, 'scheduled', :startsAt, :endsAt, :createdBy, :now) RETURNING id""")
                .bind("title", title).bind("description", description).bind("department", departmentId)
                .bind("startsAt", startsAt).bind("endsAt", endsAt).bind("createdBy", createdBy).bind("now", now)
                .map(row -> row.get(0, Long.class)).one();
    }

    Mono<Void> insertStaff(long sessionId, Staff staff) {
        var spec = db.sql("""
                INSERT INTO inquiry_session_staff (session_id, user_id, role, display_name, job_title, department)
                VALUES (:session, :user, :role, :name, :title, :department) ON CONFLICT DO NOTHING""")
                .bind("session", sessionId).bind("user", staff.userId()).bind("role", staff.role())
                .bind("name", staff.displayName());
        spec = staff.jobTitle() == null ? spec.bindNull("title", String.class) : spec.bind("title", staff.jobTitle());
        spec = staff.department() == null ? spec.bindNull("department", String.class) : spec.bind("department", staff.department());
        return spec.then();
    }

    Mono<Row> find(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(SessionStore::row).one();
    }

    /** The session row, locked until the transaction ends, so status changes happen one at a time. */
    Mono<Row> lock(long id) {
        return db.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(SessionStore::row).one();
    }

    Flux<Staff> staff(long sessionId) {
        return db.sql("""
                SELECT user_id, role, display_name, job_title, department FROM inquiry_session_staff
                WHERE session_id = :session ORDER BY role, user_id""")
                .bind("session", sessionId)
                .map(r -> new Staff(r.get("user_id", Long.class), r.get("role", String.class),
                        r.get("display_name", String.class), r.get("job_title", String.class), r.get("department", String.class)))
                .all();
    }

    Mono<Boolean> hasStaff(long sessionId, long userId, String role) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM inquiry_session_staff WHERE session_id = :s AND user_id = :u AND role = :r)")
                .bind("s", sessionId).bind("u", userId).bind("r", role)
                .map(r -> r.get(0, Boolean.class)).one();
    }

    Flux<Row> page(String status, Long departmentId, long offset, int limit) {
        var spec = db.sql("""
                SELECT id, title, description, department_id, status, starts_at, ends_at, peak_viewers FROM inquiry_session
                WHERE (CAST(:status AS varchar) IS NULL OR status = :status)
                  AND (CAST(:department AS bigint) IS NULL OR department_id = :department)
                ORDER BY starts_at DESC, id DESC LIMIT :limit OFFSET :offset""");
        return filters(spec, status, departmentId).bind("limit", limit).bind("offset", offset)
                .map(SessionStore::row).all();
    }

    Mono<Long> count(String status, Long departmentId) {
        var spec = db.sql("""
                SELECT count(*) FROM inquiry_session
                WHERE (CAST(:status AS varchar) IS NULL OR status = :status)
                  AND (CAST(:department AS bigint) IS NULL OR department_id = :department)""");
        return filters(spec, status, departmentId).map(r -> r.get(0, Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec filters(DatabaseClient.GenericExecuteSpec spec, String status,
            Long departmentId) {
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        return departmentId == null ? spec.bindNull("department", Long.class) : spec.bind("department", departmentId);
    }

    Mono<Void> setStatus(long id, String status, Instant at) {
        return db.sql("""
                UPDATE inquiry_session SET status = :status,
                       started_at = CASE WHEN :status = 'live' THEN :at ELSE started_at END,
                       ended_at = CASE WHEN :status = 'ended' THEN :at ELSE ended_at END
                WHERE id = :id""")
                .bind("status", status).bind("at", at).bind("id", id).then();
    }

    Mono<Void> raisePeak(long id, long viewers) {
        return db.sql("UPDATE inquiry_session SET peak_viewers = :v WHERE id = :id AND peak_viewers < :v")
                .bind("v", viewers).bind("id", id).then();
    }

    Mono<Void> recordViewer(long sessionId, long userId) {
        return db.sql("INSERT INTO inquiry_viewer (session_id, user_id) VALUES (:s, :u) ON CONFLICT DO NOTHING")
                .bind("s", sessionId).bind("u", userId).then();
    }

    private static Row row(Readable r) {
        return new Row(r.get("id", Long.class), r.get("title", String.class), r.get("description", String.class),
                r.get("department_id", Long.class), r.get("status", String.class), r.get("starts_at", Instant.class),
                r.get("ends_at", Instant.class), r.get("peak_viewers", Long.class));
    }
}
