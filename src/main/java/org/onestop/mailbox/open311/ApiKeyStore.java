package org.onestop.mailbox.open311;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of Open311 api keys. */
@Repository
class ApiKeyStore {

    private static final String SELECT = """
            SELECT k.id, k.name, k.key_prefix, k.account_id, u.username, k.revoked, k.created_at, k.revoked_at
            FROM open311_api_key k JOIN app_user u ON u.id = k.account_id""";

    private final DatabaseClient db;

    ApiKeyStore(DatabaseClient db) {
        this.db = db;
    }

    /** A key as admins see it: never the key, only its first characters. */
    record Key(long id, String name, String keyPrefix, long accountId, String username, boolean revoked, Instant createdAt,
            Instant revokedAt) {
    }

    Mono<Long> insert(String name, String hash, String prefix, long accountId, long createdBy, Instant at) {
        return db.sql("""
                INSERT INTO open311_api_key (name, key_hash, key_prefix, account_id, created_by, created_at)
                VALUES (:name, :hash, :prefix, :account, :by, :at) RETURNING id""")
                .bind("name", name).bind("hash", hash).bind("prefix", prefix).bind("account", accountId)
                .bind("by", createdBy).bind("at", at)
                .map(r -> r.get(0, Long.class)).one();
    }

    Mono<Key> find(long id) {
        return db.sql(SELECT + " WHERE k.id = :id").bind("id", id).map(ApiKeyStore::key).one();
    }

    Flux<Key> all() {
        return db.sql(SELECT + " ORDER BY k.created_at DESC, k.id DESC").map(ApiKeyStore::key).all();
    }

    /** Revokes the key; empty when there is no such key. Revoking twice keeps the first time. */
    Mono<Long> revoke(long id, Instant at) {
        return db.sql("""
                UPDATE open311_api_key SET revoked = TRUE, revoked_at = COALESCE(revoked_at, :at)
                WHERE id = :id RETURNING id""")
                .bind("id", id).bind("at", at).map(r -> r.get(0, Long.class)).one();
    }

    /** The key with this hash if it is not revoked, with the username of its account. */
    Mono<Key> active(String hash) {
        return db.sql(SELECT + " WHERE k.key_hash = :hash AND NOT k.revoked").bind("hash", hash).map(ApiKeyStore::key).one();
    }

    private static Key key(Readable r) {
        return new Key(r.get("id", Long.class), r.get("name", String.class), r.get("key_prefix", String.class),
                r.get("account_id", Long.class), r.get("username", String.class), Boolean.TRUE.equals(r.get("revoked", Boolean.class)),
                r.get("created_at", Instant.class), r.get("revoked_at", Instant.class));
    }
}
