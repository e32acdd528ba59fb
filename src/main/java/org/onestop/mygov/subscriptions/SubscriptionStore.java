package org.onestop.mygov.subscriptions;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscriptions in PostgreSQL: a person's own, the ones matching new items, and record ones due for a poll. */
@Repository
class SubscriptionStore {

    private static final String COLUMNS = "id, kind, target, frequency, created_at";

    /** A subscriber of matched items: who, to which target, how often. */
    record Match(long userId, String kind, String target, String frequency) {
    }

    /** A record subscription claimed for polling. */
    record Due(long id, long userId, String recordType, String frequency, Instant createdAt) {
    }

    private final DatabaseClient db;

    SubscriptionStore(DatabaseClient db) {
        this.db = db;
    }

    Flux<Subscription> mine(long userId) {
        return db.sql("SELECT " + COLUMNS + " FROM mygov_subscription WHERE user_id = :user ORDER BY created_at DESC, id DESC")
                .bind("user", userId).map(SubscriptionStore::subscription).all();
    }

    Mono<Long> count(long userId) {
        return db.sql("SELECT count(*) FROM mygov_subscription WHERE user_id = :user").bind("user", userId)
                .map(row -> row.get(0, Long.class)).one();
    }

    /** Inserts, or finds nothing when the person already follows this target. */
    Mono<Subscription> insert(long userId, TargetKind kind, String target, Frequency frequency, Instant now) {
        return db.sql("""
                INSERT INTO mygov_subscription (user_id, kind, target, frequency, created_at)
                VALUES (:user, :kind, :target, :frequency, :now)
                ON CONFLICT (user_id, kind, target) DO NOTHING
                RETURNING\s""" + COLUMNS)
                .bind("user", userId).bind("kind", kind.code()).bind("target", target).bind("frequency", frequency.code())
                .bind("now", now)
                .map(SubscriptionStore::subscription).one();
    }

    Mono<Subscription> updateFrequency(long userId, long id, Frequency frequency) {
        return db.sql("UPDATE mygov_subscription SET frequency = :frequency WHERE id = :id AND user_id = :user RETURNING " + COLUMNS)
                .bind("frequency", frequency.code()).bind("id", id).bind("user", userId)
                .map(SubscriptionStore::subscription).one();
    }

    Mono<Long> delete(long userId, long id) {
        return db.sql("DELETE FROM mygov_subscription WHERE id = :id AND user_id = :user").bind("id", id).bind("user", userId)
                .fetch().rowsUpdated();
    }

    /** Subscriptions to any of these (kind, target) pairs. */
    Flux<Match> matching(List<UpdateSource.Target> targets) {
        if (targets.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                SELECT user_id, kind, target, frequency FROM mygov_subscription
                WHERE (kind, target) IN (SELECT k, t FROM unnest(CAST(:kinds AS varchar[]), CAST(:targets AS varchar[])) AS x (k, t))""")
                .bind("kinds", targets.stream().map(t -> t.kind().code()).toArray(String[]::new))
                .bind("targets", targets.stream().map(UpdateSource.Target::value).toArray(String[]::new))
                .map(row -> new Match(row.get("user_id", Long.class), row.get("kind", String.class), row.get("target", String.class),
                        row.get("frequency", String.class)))
                .all();
    }

    /**
     * Claims up to {@code limit} record subscriptions not polled since {@code before}, oldest poll
     * first, by stamping them polled now. SKIP LOCKED lets two nodes claim at once, each a
     * different set, so no subscription is polled twice in one round.
     */
    Flux<Due> claimDue(Instant before, Instant now, int limit) {
        return db.sql("""
                UPDATE mygov_subscription s SET polled_at = :now
                FROM (SELECT id FROM mygov_subscription
                      WHERE kind = 'record' AND (polled_at IS NULL OR polled_at <= :before)
                      ORDER BY polled_at NULLS FIRST, id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE s.id = due.id
                RETURNING s.id, s.user_id, s.target, s.frequency, s.created_at""")
                .bind("now", now).bind("before", before).bind("limit", limit)
                .map(row -> new Due(row.get("id", Long.class), row.get("user_id", Long.class), row.get("target", String.class),
                        row.get("frequency", String.class), row.get("created_at", Instant.class)))
                .all();
    }

    private static Subscription subscription(Readable row) {
        return new Subscription(row.get("id", Long.class), row.get("kind", String.class), row.get("target", String.class),
                row.get("frequency", String.class), row.get("created_at", Instant.class));
    }
}
