package org.onestop.disclosure;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The SQL of the departments' disclosure guides. */
@Repository
class GuideStore {

    record Row(long departmentId, String body, Instant updatedAt) {
    }

    private final DatabaseClient db;

    GuideStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Row> find(long departmentId) {
        return db.sql("SELECT department_id, body, updated_at FROM disclosure_guide WHERE department_id = :d")
                .bind("d", departmentId)
                .map(r -> new Row(r.get("department_id", Long.class), r.get("body", String.class), r.get("updated_at", Instant.class)))
                .one();
    }

    /** The demo's guide, written by no official. */
    Mono<Void> saveSystem(long departmentId, String body, Instant now) {
        return db.sql("INSERT INTO disclosure_guide (department_id, body, updated_at) VALUES (:d, :body, :now) ON CONFLICT DO NOTHING")
                .bind("d", departmentId).bind("body", body).bind("now", now).then();
    }

    Mono<Void> save(long departmentId, String body, long by, Instant now) {
        return db.sql("""
                INSERT INTO disclosure_guide (department_id, body, updated_by, updated_at) VALUES (:d, :body, :by, :now)
                ON CONFLICT (department_id) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""")
                .bind("d", departmentId).bind("body", body).bind("by", by).bind("now", now).then();
    }
}
