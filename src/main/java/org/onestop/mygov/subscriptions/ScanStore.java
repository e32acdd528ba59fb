package org.onestop.mygov.subscriptions;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The scanner's persisted position in each source, and the lock that lets one node scan a source at a time. */
@Repository
class ScanStore {

    /** The first key of the scanner's two-key advisory locks ("my" in ASCII), apart from any other feature's. */
    private static final int LOCK_CLASS = 0x6D79;
    private final DatabaseClient db;

    ScanStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Takes the named lock until the surrounding transaction ends, or answers false at once when
     * another node holds it: that node is doing this work right now, so this one skips it.
     */
    Mono<Boolean> tryLock(String name) {
        return db.sql("SELECT pg_try_advisory_xact_lock(:class, hashtext(:name))").bind("class", LOCK_CLASS).bind("name", name)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    Mono<Long> position(String source) {
        return db.sql("SELECT position FROM mygov_scan_cursor WHERE source = :source").bind("source", source)
                .map(row -> row.get(0, Long.class)).one();
    }

    Mono<Void> save(String source, long position, Instant now) {
        return db.sql("""
                INSERT INTO mygov_scan_cursor (source, position, scanned_at) VALUES (:source, :position, :now)
                ON CONFLICT (source) DO UPDATE SET position = EXCLUDED.position, scanned_at = EXCLUDED.scanned_at""")
                .bind("source", source).bind("position", position).bind("now", now)
                .then();
    }
}
