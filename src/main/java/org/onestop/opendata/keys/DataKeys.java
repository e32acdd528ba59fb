package org.onestop.opendata.keys;

import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.onestop.opendata.OpenDataProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates, lists, revokes and recognises API keys. A key is {@code od_} + 8 hex digits (its
 * prefix, shown in lists) + {@code _} + 40 random hex digits; only its SHA-256 is stored, so a
 * leaked database does not leak usable keys.
 */
@Service
public class DataKeys {

    static final int MAX_KEYS = 10;
    private static final String SELECT = "SELECT id, user_id, name, prefix, per_minute, created_at, revoked_at FROM opendata_api_key";

    private final DatabaseClient db;
    private final Clock clock;
    private final OpenDataProperties properties;
    private final SecureRandom random = new SecureRandom();

    DataKeys(DatabaseClient db, Clock clock, OpenDataProperties properties) {
        this.db = db;
        this.clock = clock;
        this.properties = properties;
    }

    /** A new key for the user; the secret is in the result only, never stored. */
    public record Created(ApiKey key, String secret) {
    }

    public Mono<Created> create(long userId, String name) {
        String prefix = hex(4);
        String secret = "od_" + prefix + "_" + hex(20);
        return db.sql("""
                INSERT INTO opendata_api_key (user_id, name, prefix, secret_hash, per_minute, created_at)
                SELECT :user, :name, :prefix, :hash, :quota, :now
                WHERE (SELECT count(*) FROM opendata_api_key WHERE user_id = :user AND revoked_at IS NULL) < :max
                RETURNING id, user_id, name, prefix, per_minute, created_at, revoked_at""")
                .bind("user", userId).bind("name", name).bind("prefix", prefix).bind("hash", sha256(secret))
                .bind("quota", properties.keyCallsPerMinute()).bind("now", clock.instant()).bind("max", MAX_KEYS)
                .map(DataKeys::key).one().map(k -> new Created(k, secret));
    }

    public Flux<ApiKey> of(long userId) {
        return db.sql(SELECT + " WHERE user_id = :user ORDER BY created_at DESC, id DESC").bind("user", userId).map(DataKeys::key).all();
    }

    /** Revokes the user's key; empty when the user has no such key. */
    public Mono<ApiKey> revoke(long userId, long id) {
        return db.sql("""
                UPDATE opendata_api_key SET revoked_at = coalesce(revoked_at, :now) WHERE id = :id AND user_id = :user
                RETURNING id, user_id, name, prefix, per_minute, created_at, revoked_at""")
                .bind("now", clock.instant()).bind("id", id).bind("user", userId).map(DataKeys::key).one();
    }

    /** The active key with this secret, or empty. */
    public Mono<ApiKey> recognise(String secret) {
        if (secret == null || !secret.matches("od_[0-9a-f]{8}_[0-9a-f]{40}")) {
            return Mono.empty();
        }
        return db.sql(SELECT + " WHERE secret_hash = :hash AND revoked_at IS NULL").bind("hash", sha256(secret)).map(DataKeys::key).one();
    }

    /** Calls and refusals per day of the user's keys over the last 30 days, by key id. */
    public Flux<Map<String, Object>> usage(long userId) {
        return db.sql("""
                SELECT u.key_id, u.day, u.calls, u.refused FROM opendata_key_usage u JOIN opendata_api_key k ON k.id = u.key_id
                WHERE k.user_id = :user AND u.day > CAST(:today AS date) - 30 ORDER BY u.day DESC, u.key_id""")
                .bind("user", userId).bind("today", java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))))
                .map(r -> Map.<String, Object>of("keyId", r.get("key_id", Long.class), "day", r.get("day", java.time.LocalDate.class),
                        "calls", r.get("calls", Long.class), "refused", r.get("refused", Long.class)))
                .all();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKey key(Readable r) {
        return new ApiKey(r.get("id", Long.class), r.get("user_id", Long.class), r.get("name", String.class),
                r.get("prefix", String.class), r.get("per_minute", Integer.class), r.get("created_at", Instant.class),
                r.get("revoked_at", Instant.class));
    }
}
