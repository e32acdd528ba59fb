package org.onestop.opendata;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The SQL of overdue-update alerts: one row per lapse of a dataset, keyed by the instant it fell due. */
@Repository
class OverdueAlertStore {

    /** The latest alert of a dataset: the lapse it was for and when it was sent. */
    record Latest(Instant dueAt, Instant alertedAt) {
    }

    private final DatabaseClient db;

    OverdueAlertStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records the alert of this lapse unless one is already recorded, or the dataset has been
     * updated since it was read (the lapse is over); true when this call recorded it. A concurrent
     * insert of the same lapse waits for the other transaction and then finds the conflict, so of
     * two nodes exactly one gets true.
     */
    Mono<Boolean> insert(Dataset d, Instant dueAt, Instant alertedAt, int recipients) {
        return db.sql("""
                        INSERT INTO opendata_overdue_alert (dataset_id, due_at, alerted_at, recipients)
                        SELECT id, :due, :at, :recipients FROM opendata_dataset WHERE id = :dataset AND updated_at = :updated
                        ON CONFLICT (dataset_id, due_at) DO NOTHING
                        RETURNING id""")
                .bind("dataset", d.id()).bind("updated", d.updatedAt()).bind("due", dueAt).bind("at", alertedAt)
                .bind("recipients", recipients)
                .map(row -> row.get(0, Long.class))
                .one()
                .hasElement();
    }

    /** The latest alert of each of these datasets that has one, by dataset id. */
    Mono<Map<Long, Latest>> latest(Collection<Long> datasetIds) {
        if (datasetIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT DISTINCT ON (dataset_id) dataset_id, due_at, alerted_at
                        FROM opendata_overdue_alert WHERE dataset_id = ANY(:ids)
                        ORDER BY dataset_id, due_at DESC""")
                .bind("ids", datasetIds.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("dataset_id", Long.class),
                        new Latest(row.get("due_at", Instant.class), row.get("alerted_at", Instant.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
