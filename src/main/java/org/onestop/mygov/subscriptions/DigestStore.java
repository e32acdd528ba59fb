package org.onestop.mygov.subscriptions;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Daily and weekly digests: deliveries waiting for one, the digests made, and a person's view of one. */
@Repository
class DigestStore {

    /** Undigested deliveries of one person, frequency and ended period. */
    record Group(long userId, String frequency, String period, long items) {
    }

    /** A digest made, or found made already by an earlier scan. */
    record Made(long id, boolean created) {
    }

    record Item(String title, String link, Instant foundAt) {
    }

    record Digest(long id, String frequency, String period, Instant createdAt, List<Item> items) {
    }

    private final DatabaseClient db;

    DigestStore(DatabaseClient db) {
        this.db = db;
    }

    Flux<Group> due(Instant now, int limit) {
        return db.sql("""
                SELECT user_id, frequency, period, count(*) AS items FROM mygov_delivery
                WHERE frequency <> 'immediate' AND digest_id IS NULL AND period_end <= :now
                GROUP BY user_id, frequency, period ORDER BY min(period_end), user_id LIMIT :limit""")
                .bind("now", now).bind("limit", limit)
                .map(row -> new Group(row.get("user_id", Long.class), row.get("frequency", String.class),
                        row.get("period", String.class), row.get("items", Long.class)))
                .all();
    }

    Mono<Made> make(Group group, Instant now) {
        return db.sql("""
                INSERT INTO mygov_digest (user_id, frequency, period, created_at) VALUES (:user, :frequency, :period, :now)
                ON CONFLICT (user_id, frequency, period) DO UPDATE SET created_at = mygov_digest.created_at
                RETURNING id, (xmax = 0) AS created""")
                .bind("user", group.userId()).bind("frequency", group.frequency()).bind("period", group.period()).bind("now", now)
                .map(row -> new Made(row.get("id", Long.class), row.get("created", Boolean.class)))
                .one();
    }

    Mono<Long> attach(Group group, long digestId) {
        return db.sql("""
                UPDATE mygov_delivery SET digest_id = :digest
                WHERE user_id = :user AND frequency = :frequency AND period = :period AND digest_id IS NULL""")
                .bind("digest", digestId).bind("user", group.userId()).bind("frequency", group.frequency())
                .bind("period", group.period())
                .fetch().rowsUpdated();
    }

    /** The person's own digest with its items, or empty when there is none of theirs with this id. */
    Mono<Digest> own(long userId, long id) {
        return db.sql("SELECT id, frequency, period, created_at FROM mygov_digest WHERE id = :id AND user_id = :user")
                .bind("id", id).bind("user", userId)
                .map(row -> new Digest(row.get("id", Long.class), row.get("frequency", String.class), row.get("period", String.class),
                        row.get("created_at", Instant.class), List.of()))
                .one()
                .flatMap(digest -> db.sql("SELECT title, link, found_at FROM mygov_delivery WHERE digest_id = :id ORDER BY id")
                        .bind("id", id)
                        .map(row -> new Item(row.get("title", String.class), row.get("link", String.class),
                                row.get("found_at", Instant.class)))
                        .all().collectList()
                        .map(items -> new Digest(digest.id(), digest.frequency(), digest.period(), digest.createdAt(), items)));
    }
}
