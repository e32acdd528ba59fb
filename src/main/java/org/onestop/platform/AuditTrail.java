package org.onestop.platform;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail of official actions: who did what to which record, and when. Called inside the
 * transaction of the action itself, so an action and its audit entry commit or fail together.
 */
@Component
public class AuditTrail {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    public AuditTrail(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> record(Long actorId, String action, String targetType, Object targetId, Map<String, ?> detail) {
        var spec = db.sql("""
                INSERT INTO audit_log (actor_id, action, target_type, target_id, detail, at)
                VALUES (:actor, :action, :targetType, :targetId, :detail, :at)""");
        spec = actorId == null ? spec.bindNull("actor", Long.class) : spec.bind("actor", actorId);
        return spec.bind("action", action)
                .bind("targetType", targetType)
                .bind("targetId", String.valueOf(targetId))
                .bind("detail", Json.of(json.writeValueAsString(detail)))
                .bind("at", clock.instant())
                .then();
    }
}
