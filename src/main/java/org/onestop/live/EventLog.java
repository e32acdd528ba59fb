package org.onestop.live;

import java.time.Instant;
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

    /** The topic's latest seq, 0 when nothing was ever written to it. */
    public Mono<Long> latest(String topic) {
        return db.sql("SELECT last_seq FROM live_topic WHERE topic = :topic").bind("topic", topic)
                .map(row -> row.get(0, Long.class)).one().defaultIfEmpty(0L);
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
