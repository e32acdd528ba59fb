package org.onestop.platform.audit;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import org.onestop.web.PageResponse;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail's search: newest first, each filter applied only when given. */
@Component
class AuditSearch {

    private static final String WHERE = """
            FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id
            WHERE (CAST(:actorId AS bigint) IS NULL OR a.actor_id = :actorId)
              AND (CAST(:actorName AS text) IS NULL OR u.username = :actorName)
              AND (CAST(:action AS text) IS NULL OR a.action = :action
                   OR (:prefix AND starts_with(a.action, :action)))
              AND (CAST(:type AS text) IS NULL OR a.target_type = :type)
              AND (CAST(:targetId AS text) IS NULL OR a.target_id = :targetId)
              AND (CAST(:from AS timestamptz) IS NULL OR a.at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR a.at < :to)
            """;

    private final DatabaseClient db;
    private final JsonMapper json;

    AuditSearch(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<PageResponse<AuditEntry>> search(AuditQuery q) {
        Mono<Long> total = bind(db.sql("SELECT count(*) " + WHERE), q).map(r -> r.get(0, Long.class)).one();
        var items = bind(db.sql("SELECT a.id, a.at, a.actor_id, u.username, a.action, a.target_type, a.target_id, a.detail "
                + WHERE + " ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset"), q)
                .bind("limit", q.page().size()).bind("offset", q.page().offset())
                .map(r -> new AuditEntry(r.get("id", Long.class), r.get("at", Instant.class), r.get("actor_id", Long.class),
                        r.get("username", String.class), r.get("action", String.class), r.get("target_type", String.class),
                        r.get("target_id", String.class), json.readTree(r.get("detail", Json.class).asString())))
                .all().collectList();
        return Mono.zip(items, total).map(t -> new PageResponse<>(t.getT1(), q.page().page(), q.page().size(), t.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, AuditQuery q) {
        spec = q.actorId() == null ? spec.bindNull("actorId", Long.class) : spec.bind("actorId", q.actorId());
        spec = q.actorName() == null ? spec.bindNull("actorName", String.class) : spec.bind("actorName", q.actorName());
        spec = q.action() == null ? spec.bindNull("action", String.class) : spec.bind("action", q.action());
        spec = spec.bind("prefix", q.actionPrefix());
        spec = q.entityType() == null ? spec.bindNull("type", String.class) : spec.bind("type", q.entityType());
        spec = q.entityId() == null ? spec.bindNull("targetId", String.class) : spec.bind("targetId", q.entityId());
        spec = q.from() == null ? spec.bindNull("from", Instant.class) : spec.bind("from", q.from());
        return q.to() == null ? spec.bindNull("to", Instant.class) : spec.bind("to", q.to());
    }
}
