package org.onestop.mygov.notifications;

import java.time.Instant;
import org.onestop.live.UserNotification;
import org.onestop.live.UserTopicPolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the notification events of {@code user:{id}} from the live event log, which is their
 * durable record (the live feature keeps no other copy), and keeps each person's read position
 * as a seq of that topic.
 */
@Repository
class NotificationStore {

    /** A notification event as stored: its seq on the topic, its JSON data and when it was logged. */
    record Stored(long seq, String data, Instant ts) {
    }

    record Counts(long total, long unread) {
    }

    private final DatabaseClient db;

    NotificationStore(DatabaseClient db) {
        this.db = db;
    }

    Flux<Stored> page(long userId, int size, long offset) {
        return db.sql("""
                SELECT seq, data::text AS data, ts FROM live_event
                WHERE topic = :topic AND type = :type ORDER BY seq DESC LIMIT :size OFFSET :offset""")
                .bind("topic", UserTopicPolicy.topicOf(userId)).bind("type", UserNotification.EVENT_TYPE)
                .bind("size", size).bind("offset", offset)
                .map(row -> new Stored(row.get("seq", Long.class), row.get("data", String.class), row.get("ts", Instant.class)))
                .all();
    }

    Mono<Counts> counts(long userId, long readSeq) {
        return db.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE seq > :read) AS unread FROM live_event
                WHERE topic = :topic AND type = :type""")
                .bind("topic", UserTopicPolicy.topicOf(userId)).bind("type", UserNotification.EVENT_TYPE).bind("read", readSeq)
                .map(row -> new Counts(row.get("total", Long.class), row.get("unread", Long.class)))
                .one();
    }

    Mono<Long> readSeq(long userId) {
        return db.sql("SELECT read_seq FROM mygov_notification_read WHERE user_id = :user").bind("user", userId)
                .map(row -> row.get(0, Long.class)).one().defaultIfEmpty(0L);
    }

    /**
     * Moves the read position forward to {@code upTo}, never past the topic's newest event and
     * never backwards (two tabs marking read in either order end at the furthest point).
     */
    Mono<Long> markRead(long userId, long upTo, Instant now) {
        return db.sql("""
                INSERT INTO mygov_notification_read (user_id, read_seq, updated_at)
                SELECT :user, LEAST(:upTo, coalesce((SELECT last_seq FROM live_topic WHERE topic = :topic), 0)), :now
                ON CONFLICT (user_id) DO UPDATE
                SET read_seq = GREATEST(mygov_notification_read.read_seq, EXCLUDED.read_seq), updated_at = EXCLUDED.updated_at
                RETURNING read_seq""")
                .bind("user", userId).bind("upTo", upTo).bind("topic", UserTopicPolicy.topicOf(userId)).bind("now", now)
                .map(row -> row.get(0, Long.class))
                .one();
    }
}
