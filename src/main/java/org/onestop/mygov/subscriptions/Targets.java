package org.onestop.mygov.subscriptions;

import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Helpers the id-ordered sources share. */
final class Targets {

    private Targets() {
    }

    /** Whether a department id (as text) names a department; non-numbers name none. */
    static Mono<Boolean> departmentExists(DatabaseClient db, String target) {
        if (!target.matches("[1-9][0-9]{0,17}")) {
            return Mono.just(false);
        }
        return db.sql("SELECT EXISTS (SELECT 1 FROM department WHERE id = :id)").bind("id", Long.parseLong(target))
                .map(row -> row.get(0, Boolean.class)).one();
    }

    static Map.Entry<Long, UpdateSource.Found> entry(long id, UpdateSource.Found found) {
        return Map.entry(id, found);
    }

    /** The items of id-ordered rows, and the last id as the new position. */
    static UpdateSource.Batch batch(List<Map.Entry<Long, UpdateSource.Found>> rows, long position) {
        long last = rows.isEmpty() ? position : rows.getLast().getKey();
        return new UpdateSource.Batch(rows.stream().map(Map.Entry::getValue).toList(), last);
    }
}
