package org.onestop.opendata.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.onestop.opendata.OpenDataProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts calls (and refusals) per key and day in memory and adds them to the usage table in one
 * statement per flush, as the download counter does: no database write per API call.
 */
@Component
public class KeyUsage implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyUsage.class);
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private record Slot(long keyId, LocalDate day) {
    }

    private final ConcurrentHashMap<Slot, AtomicLong[]> counts = new ConcurrentHashMap<>();
    private final DatabaseClient db;
    private final Clock clock;
    private final OpenDataProperties properties;
    private volatile Disposable timer;

    KeyUsage(DatabaseClient db, Clock clock, OpenDataProperties properties) {
        this.db = db;
        this.clock = clock;
        this.properties = properties;
    }

    void call(long keyId, boolean refused) {
        AtomicLong[] c = counts.computeIfAbsent(new Slot(keyId, LocalDate.now(clock.withZone(CITY))),
                s -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        c[refused ? 1 : 0].incrementAndGet();
    }

    public Mono<Void> flush() {
        List<Long> keys = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        counts.forEach((slot, c) -> {
            long ok = c[0].getAndSet(0);
            long no = c[1].getAndSet(0);
            if (ok + no > 0) {
                keys.add(slot.keyId());
                days.add(slot.day());
                calls.add(ok);
                refused.add(no);
            }
        });
        // Yesterday's slots are drained now and never touched again.
        counts.keySet().removeIf(s -> s.day().isBefore(LocalDate.now(clock.withZone(CITY)).minusDays(1)));
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                INSERT INTO opendata_key_usage (key_id, day, calls, refused)
                SELECT k, CAST(d AS date), c, r FROM unnest(CAST(:keys AS bigint[]), CAST(:days AS text[]),
                    CAST(:calls AS bigint[]), CAST(:refused AS bigint[])) AS t(k, d, c, r)
                WHERE EXISTS (SELECT 1 FROM opendata_api_key a WHERE a.id = t.k)
                ON CONFLICT (key_id, day) DO UPDATE SET calls = opendata_key_usage.calls + EXCLUDED.calls,
                    refused = opendata_key_usage.refused + EXCLUDED.refused""")
                .bind("keys", keys.toArray(Long[]::new)).bind("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
                .bind("calls", calls.toArray(Long[]::new)).bind("refused", refused.toArray(Long[]::new))
                .then()
                .onErrorResume(e -> {
                    log.warn("API key usage not written: {}", e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void start() {
        Duration every = properties.countFlushInterval();
        timer = Flux.interval(every, every).onBackpressureDrop().concatMap(tick -> flush()).subscribe();
    }

    @Override
    public void stop() {
        Disposable t = timer;
        if (t != null) {
            t.dispose();
        }
        timer = null;
        // Shutdown only: the last counts are written before the connection pool closes.
        flush().block(Duration.ofSeconds(10));
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
