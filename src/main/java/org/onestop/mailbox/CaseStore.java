package org.onestop.mailbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of a case's timeline and co-handling departments. */
@Repository
class CaseStore {

    private final DatabaseClient db;

    CaseStore(DatabaseClient db) {
        this.db = db;
    }

    /** One timeline entry as stored. */
    record Entry(long id, long letterId, String type, boolean isPublic, String publicText, String note, Long departmentId,
            Long actorId, String actorName, Instant at) {
    }

    /** An entry about to be added; who acted is named as they were called then. */
    record NewEntry(long letterId, String type, boolean isPublic, String publicText, String note, Long departmentId,
            Long actorId, String actorName, Instant at) {
    }

    Mono<Long> add(NewEntry e) {
        var spec = db.sql("""
                INSERT INTO mailbox_event (letter_id, type, public, public_text, note, department_id, actor_id, actor_name, at)
                VALUES (:letter, :type, :public, :publicText, :note, :department, :actor, :actorName, :at) RETURNING id""")
                .bind("letter", e.letterId()).bind("type", e.type()).bind("public", e.isPublic()).bind("at", e.at());
        spec = e.publicText() == null ? spec.bindNull("publicText", String.class) : spec.bind("publicText", e.publicText());
        spec = e.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", e.note());
        spec = e.departmentId() == null ? spec.bindNull("department", Long.class) : spec.bind("department", e.departmentId());
        spec = e.actorId() == null ? spec.bindNull("actor", Long.class) : spec.bind("actor", e.actorId());
        spec = e.actorName() == null ? spec.bindNull("actorName", String.class) : spec.bind("actorName", e.actorName());
        return spec.map(r -> r.get(0, Long.class)).one();
    }

    /** The timeline in order; only its public entries when {@code publicOnly}. */
    Flux<Entry> timeline(long letterId, boolean publicOnly) {
        return db.sql("""
                SELECT id, letter_id, type, public, public_text, note, department_id, actor_id, actor_name, at
                FROM mailbox_event WHERE letter_id = :letter AND (public OR NOT :publicOnly) ORDER BY at, id""")
                .bind("letter", letterId).bind("publicOnly", publicOnly).map(CaseStore::entry).all();
    }

    Flux<Long> cohandlers(long letterId) {
        return db.sql("SELECT department_id FROM mailbox_cohandler WHERE letter_id = :letter ORDER BY department_id")
                .bind("letter", letterId).map(r -> r.get(0, Long.class)).all();
    }

    /** Replaces the co-handling departments of a case (none after a transfer back). */
    Mono<Void> setCohandlers(long letterId, Collection<Long> departmentIds, Instant at) {
        Mono<Void> cleared = db.sql("DELETE FROM mailbox_cohandler WHERE letter_id = :letter").bind("letter", letterId).then();
        if (departmentIds.isEmpty()) {
            return cleared;
        }
        return cleared.then(db.sql("""
                INSERT INTO mailbox_cohandler (letter_id, department_id, assigned_at)
                SELECT :letter, d, :at FROM unnest(CAST(:departments AS bigint[])) AS d""")
                .bind("letter", letterId).bind("departments", departmentIds.toArray(Long[]::new)).bind("at", at).then());
    }

    Mono<List<Long>> cohandlerList(long letterId) {
        return cohandlers(letterId).collectList();
    }

    private static Entry entry(Readable r) {
        return new Entry(r.get("id", Long.class), r.get("letter_id", Long.class), r.get("type", String.class),
                Boolean.TRUE.equals(r.get("public", Boolean.class)), r.get("public_text", String.class), r.get("note", String.class),
                r.get("department_id", Long.class), r.get("actor_id", Long.class), r.get("actor_name", String.class),
                r.get("at", Instant.class));
    }
}
