package org.onestop.opendata;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts downloads in memory and adds them to the database in one statement per flush, every few
 * seconds and at shutdown: a popular file costs no database write per download. Each node counts
 * its own and adds (never sets), so nodes need not agree; a crash loses at most one interval.
 */
@Component
public class DownloadCounter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DownloadCounter.class);

    private final DatabaseClient db;
    private final OpenDataProperties properties;
    private final ConcurrentHashMap<Long, AtomicLong> resources = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicLong> datasets = new ConcurrentHashMap<>();
    private volatile Disposable timer;

    DownloadCounter(DatabaseClient db, OpenDataProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    public void count(DataResource resource) {
        resources.computeIfAbsent(resource.id(), id -> new AtomicLong()).incrementAndGet();
        datasets.computeIfAbsent(resource.datasetId(), id -> new AtomicLong()).incrementAndGet();
    }

    /** Writes the counts gathered since the last flush; counts arriving meanwhile wait for the next. */
    public Mono<Void> flush() {
        Map<Long, Long> r = drain(resources);
        Map<Long, Long> d = drain(datasets);
        return add("opendata_resource", r).then(add("opendata_dataset", d))
                .onErrorResume(e -> {
                    // Put them back so they are not lost to a database hiccup.
                    r.forEach((id, n) -> resources.computeIfAbsent(id, k -> new AtomicLong()).addAndGet(n));
                    d.forEach((id, n) -> datasets.computeIfAbsent(id, k -> new AtomicLong()).addAndGet(n));
                    log.warn("Download counts not written; retrying at the next flush: {}", e.toString());
                    return Mono.empty();
                });
    }

    private static Map<Long, Long> drain(ConcurrentHashMap<Long, AtomicLong> counters) {
        Map<Long, Long> out = new HashMap<>();
        // Counters stay in the map (one per resource ever downloaded); taking a value is atomic.
        counters.forEach((id, counter) -> {
            long n = counter.getAndSet(0);
            if (n > 0) {
                out.put(id, n);
            }
        });
        return out;
    }

    private Mono<Void> add(String table, Map<Long, Long> counts) {
        if (counts.isEmpty()) {
            return Mono.empty();
        }
        // The table name is one of two constants, never input.
        return db.sql("UPDATE " + table + " t SET downloads = t.downloads + c.n "
                        + "FROM unnest(CAST(:ids AS bigint[]), CAST(:ns AS bigint[])) AS c(id, n) WHERE t.id = c.id")
                .bind("ids", counts.keySet().toArray(Long[]::new))
                .bind("ns", counts.values().toArray(Long[]::new))
                .then();
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
