package org.onestop.platform.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One line of the audit trail as admins see it. */
record AuditEntry(long id, Instant at, Long actorId, String actorUsername, String action, String entityType, String entityId,
        JsonNode detail) {
}
