package org.onestop.opendata.datastore;

import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The answer to a datastore query: the selected fields, the total of matching rows (null when
 * not asked for), the page, and the rows themselves, streamed from the database as they come.
 */
public record DatastoreResult(List<DatastoreField> fields, Long total, int limit, long offset, Flux<Object[]> rows) {

    /** Whether rows remain after this page. */
    public boolean hasMore(int returned) {
        return total == null ? returned == limit : offset + limit < total;
    }
}
