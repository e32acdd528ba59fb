package org.onestop.mygov.notifications;

import java.time.Instant;
import org.onestop.live.EventLog;
import org.onestop.live.UserNotification;
import org.onestop.live.UserTopicPolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the notification events of {@code user:{id}} through the live event log, which is their
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
    private final EventLog events;

    NotificationStore(DatabaseClient db, EventLog events) {
        this.db = db;
        this.events = events;
    }

    Flux<Stored> page(long userId, int size, long offset) {
        return events.newestFirst(UserTopicPolicy.topicOf(userId), UserNotification.EVENT_TYPE, size, offset)
                .map(event -> new Stored(event.seq(), event.data(), event.ts()));
    }

    Mono<Counts> counts(long userId, long readSeq) {
        return events.count(UserTopicPolicy.topicOf(userId), UserNotification.EVENT_TYPE, readSeq)
                .map(count -> new Counts(count.total(), count.after()));
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
        return events.latest(UserTopicPolicy.topicOf(userId)).flatMap(latest -> db.sql("""
                INSERT INTO mygov_notification_read (user_id, read_seq, updated_at)
                VALUES (:user, :readSeq, :now)
                ON CONFLICT (user_id) DO UPDATE
                SET read_seq = GREATEST(mygov_notification_read.read_seq, EXCLUDED.read_seq), updated_at = EXCLUDED.updated_at
                RETURNING read_seq""")
                .bind("user", userId).bind("readSeq", Math.min(upTo, latest)).bind("now", now)
                .map(row -> row.get(0, Long.class))
                .one());
    }
}
