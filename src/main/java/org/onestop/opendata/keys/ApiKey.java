package org.onestop.opendata.keys;

import java.time.Instant;

/** A stored API key (never the secret itself). */
public record ApiKey(long id, long userId, String name, String prefix, int perMinute, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
