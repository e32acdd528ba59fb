package org.onestop.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The durable per-topic event log in PostgreSQL. */
@Repository
public class EventLog {

    private final DatabaseClient db;

    EventLog(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Appends an event with the topic's next seq. The upsert takes the topic row's lock until the
     * surrounding transaction ends, so concurrent writers queue and seqs have no gaps.
     */
    Mono<LiveEvent> append(String topic, String type, String data, Instant ts) {
        return db.sql("""
                INSERT INTO live_topic (topic, last_seq) VALUES (:topic, 1)
                ON CONFLICT (topic) DO UPDATE SET last_seq = live_topic.last_seq + 1
                RETURNING last_seq""")
                .bind("topic", topic)
                .map(row -> row.get(0, Long.class))
                .one()
                .flatMap(seq -> db.sql("INSERT INTO live_event (topic, seq, type, data, ts) VALUES (:topic, :seq, :type, CAST(:data AS json), :ts)")
                        .bind("topic", topic).bind("seq", seq).bind("type", type).bind("data", data).bind("ts", ts)
                        .then()
                        .thenReturn(new LiveEvent(topic, seq, type, ts, data)));
    }

    /**
     * Appends several events, possibly to several topics, in two statements whatever their number:
     * each topic's seq advances once by its count of events (topics locked in name order, as
     * single appends in one transaction also take them, so writers cannot deadlock on each other),
     * and the events are inserted together. Returns the events in the given order; within a topic
     * the seqs follow that order.
     */
    Flux<LiveEvent> appendAll(List<EventDraft> drafts, List<String> data, Instant ts) {
        if (drafts.isEmpty()) {
            return Flux.empty();
        }
        String[] topics = drafts.stream().map(EventDraft::topic).toArray(String[]::new);
        return db.sql("""
                INSERT INTO live_topic (topic, last_seq)
                SELECT topic, count(*) FROM unnest(CAST(:topics AS varchar[])) AS t (topic) GROUP BY topic ORDER BY topic
                ON CONFLICT (topic) DO UPDATE SET last_seq = live_topic.last_seq + EXCLUDED.last_seq
                RETURNING topic, last_seq""")
                .bind("topics", topics)
                .map(row -> Map.entry(row.get("topic", String.class), row.get("last_seq", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMapMany(last -> {
                    Map<String, Long> next = new HashMap<>();
                    for (String topic : topics) {
                        next.merge(topic, 1L, Long::sum);
                    }
                    next.replaceAll((topic, count) -> last.get(topic) - count + 1);
                    List<LiveEvent> events = new ArrayList<>(drafts.size());
                    for (int i = 0; i < drafts.size(); i++) {
                        EventDraft draft = drafts.get(i);
                        long seq = next.merge(draft.topic(), 1L, Long::sum) - 1;
                        events.add(new LiveEvent(draft.topic(), seq, draft.type(), ts, data.get(i)));
                    }
                    return db.sql("""
                            INSERT INTO live_event (topic, seq, type, data, ts)
                            SELECT topic, seq, type, CAST(data AS json), :ts
                            FROM unnest(CAST(:topics AS varchar[]), CAST(:seqs AS bigint[]), CAST(:types AS varchar[]),
                                        CAST(:data AS text[])) AS e (topic, seq, type, data)""")
                            .bind("topics", topics)
                            .bind("seqs", events.stream().map(LiveEvent::seq).toArray(Long[]::new))
                            .bind("types", drafts.stream().map(EventDraft::type).toArray(String[]::new))
                            .bind("data", data.toArray(String[]::new))
                            .bind("ts", ts)
                            .then()
                            .thenMany(Flux.fromIterable(events));
                });
    }

    /** The topic's latest seq, 0 when nothing was ever written to it. */
    public Mono<Long> latest(String topic) {
        return db.sql("SELECT last_seq FROM live_topic WHERE topic = :topic").bind("topic", topic)
                .map(row -> row.get(0, Long.class)).one().defaultIfEmpty(0L);
    }

    /** How many events of one type a topic holds, and how many of them come after a given seq. */
    public record TypeCount(long total, long after) {
    }

    /**
     * A page of a topic's events of one type, newest first: for features that show a topic's
     * history as a list (a person's notification centre).
     */
    public Flux<LiveEvent> newestFirst(String topic, String type, int size, long offset) {
        return db.sql("""
                SELECT seq, data::text AS data, ts FROM live_event
                WHERE topic = :topic AND type = :type ORDER BY seq DESC LIMIT :size OFFSET :offset""")
                .bind("topic", topic).bind("type", type).bind("size", size).bind("offset", offset)
                .map(row -> new LiveEvent(topic, row.get("seq", Long.class), type, row.get("ts", Instant.class),
                        row.get("data", String.class)))
                .all();
    }

    /** Counts a topic's events of one type, in all and with seq &gt; {@code after}. */
    public Mono<TypeCount> count(String topic, String type, long after) {
        return db.sql("""
                SELECT count(*) AS total, count(*) FILTER (WHERE seq > :after) AS later FROM live_event
                WHERE topic = :topic AND type = :type""")
                .bind("topic", topic).bind("type", type).bind("after", after)
                .map(row -> new TypeCount(row.get("total", Long.class), row.get("later", Long.class)))
                .one();
    }

    /** Events with after &lt; seq &lt;= until, in order. */
    Flux<LiveEvent> range(String topic, long after, long until) {
        return db.sql("""
                SELECT seq, type, data::text AS data, ts FROM live_event
                WHERE topic = :topic AND seq > :after AND seq <= :until ORDER BY seq""")
                .bind("topic", topic).bind("after", after).bind("until", until)
                .map(row -> new LiveEvent(topic, row.get("seq", Long.class), row.get("type", String.class),
                        row.get("ts", Instant.class), row.get("data", String.class)))
                .all();
    }
}
