package org.onestop.mygov.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onestop.live.EventDraft;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import org.onestop.live.UserTopicPolicy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Records what was found for whom and, for immediate subscribers, tells them on their user topic,
 * all inside the caller's write. An item already delivered to a person is skipped by the unique
 * key, so a scan that runs again, or on two nodes, tells nobody twice.
 */
@Component
class Deliveries {

    /** Something to deliver to one person, at the most frequent of their matching subscriptions. */
    record Pending(long userId, String key, String title, String link, Frequency frequency) {
    }

    private final DatabaseClient db;
    private final Clock clock;

    Deliveries(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Returns how many deliveries were new. */
    Mono<Integer> deliver(LivePublisher.Events events, String source, String notificationKind, List<Pending> items) {
        if (items.isEmpty()) {
            return Mono.just(0);
        }
        Instant now = clock.instant();
        List<String> periods = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (Pending item : items) {
            Periods period = item.frequency() == Frequency.IMMEDIATE ? null : Periods.of(item.frequency(), now);
            periods.add(period == null ? null : period.period());
            ends.add(period == null ? null : period.end().toString());
        }
        return db.sql("""
                INSERT INTO mygov_delivery (user_id, source, item_key, title, link, frequency, period, period_end, found_at)
                SELECT u, :source, k, t, l, f, p, e, :now
                FROM unnest(CAST(:users AS bigint[]), CAST(:keys AS varchar[]), CAST(:titles AS varchar[]), CAST(:links AS varchar[]),
                            CAST(:frequencies AS varchar[]), CAST(:periods AS varchar[]), CAST(:ends AS timestamptz[]))
                     AS x (u, k, t, l, f, p, e)
                ON CONFLICT (user_id, source, item_key) DO NOTHING
                RETURNING id, user_id, title, link, frequency""")
                .bind("source", source).bind("now", now)
                .bind("users", items.stream().map(Pending::userId).toArray(Long[]::new))
                .bind("keys", items.stream().map(Pending::key).toArray(String[]::new))
                .bind("titles", items.stream().map(i -> clip(i.title(), 300)).toArray(String[]::new))
                .bind("links", items.stream().map(Pending::link).toArray(String[]::new))
                .bind("frequencies", items.stream().map(i -> i.frequency().code()).toArray(String[]::new))
                .bind("periods", periods.toArray(String[]::new))
                .bind("ends", ends.toArray(String[]::new))
                .map(row -> new Object[] {row.get("id", Long.class), row.get("user_id", Long.class), row.get("title", String.class),
                        row.get("link", String.class), row.get("frequency", String.class)})
                .all()
                .collectList()
                .flatMap(inserted -> {
                    List<EventDraft> drafts = inserted.stream()
                            .filter(row -> Frequency.IMMEDIATE.code().equals(row[4]))
                            .map(row -> new EventDraft(UserTopicPolicy.topicOf((Long) row[1]), UserNotification.EVENT_TYPE,
                                    new UserNotification("mygov-delivery-" + row[0], notificationKind, (String) row[2], (String) row[3], now)))
                            .toList();
                    return events.appendAll(drafts).thenReturn(inserted.size());
                });
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
