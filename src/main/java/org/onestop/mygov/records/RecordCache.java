package org.onestop.mygov.records;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers of one department system kept briefly per person, so a page that shows the same records
 * twice, or a person reloading, asks the system once. Bounded: when full, expired entries are
 * dropped, and if none had expired the whole cache is, which is rare and only costs a re-ask.
 * Times come from the portal clock so a test that moves the clock also ages the cache.
 */
final class RecordCache {

    private record Entry(RecordList value, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;

    RecordCache(Duration ttl, int capacity, Clock clock) {
        this.ttl = ttl;
        this.capacity = Math.max(1, capacity);
        this.clock = clock;
    }

    Optional<RecordList> get(String key) {
        if (disabled()) {
            return Optional.empty();
        }
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(String key, RecordList value) {
        if (disabled()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(value, now.plus(ttl)));
    }

    private boolean disabled() {
        return ttl.isZero() || ttl.isNegative();
    }
}
