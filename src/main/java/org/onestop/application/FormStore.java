package org.onestop.application;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The SQL of form definitions: versions are only ever added, never changed. */
@Repository
class FormStore {

    /** A stored version, its definition still JSON text. */
    record Stored(String serviceCode, int version, String definition) {
    }

    private final DatabaseClient db;

    FormStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Stored> latest(String code) {
        return db.sql("""
                SELECT service_code, version, definition::text AS definition FROM application_form
                WHERE service_code = :code ORDER BY version DESC LIMIT 1""")
                .bind("code", code).map(r -> new Stored(r.get("service_code", String.class), r.get("version", Integer.class),
                        r.get("definition", String.class))).one();
    }

    Mono<Stored> version(String code, int version) {
        return db.sql("""
                SELECT service_code, version, definition::text AS definition FROM application_form
                WHERE service_code = :code AND version = :version""")
                .bind("code", code).bind("version", version)
                .map(r -> new Stored(r.get("service_code", String.class), r.get("version", Integer.class),
                        r.get("definition", String.class))).one();
    }

    /** Stores the first version unless some version exists already (another request may have stored it). */
    Mono<Void> insertFirst(String code, String definition, Instant at) {
        return db.sql("""
                INSERT INTO application_form (service_code, version, definition, created_at)
                VALUES (:code, 1, CAST(:definition AS jsonb), :at) ON CONFLICT DO NOTHING""")
                .bind("code", code).bind("definition", definition).bind("at", at).then();
    }

    /** Stores the next version; the advisory lock makes two admins saving at once take turns. */
    Mono<Integer> insertNext(String code, String definition, long by, Instant at) {
        return db.sql("SELECT pg_advisory_xact_lock(hashtext('application_form:' || :code))").bind("code", code).then()
                .then(db.sql("""
                        INSERT INTO application_form (service_code, version, definition, created_by, created_at)
                        SELECT :code, COALESCE(max(version), 0) + 1, CAST(:definition AS jsonb), :by, :at
                        FROM application_form WHERE service_code = :code
                        RETURNING version""")
                        .bind("code", code).bind("definition", definition).bind("by", by).bind("at", at)
                        .map(r -> r.get(0, Integer.class)).one());
    }
}
