package org.onestop.opendata.datastore;

import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs checked datastore queries against a resource's table. */
@Service
public class Datastore {

    private final DatabaseClient db;

    Datastore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Checks the request (throwing {@link DatastoreInvalid} inside the Mono), counts the matches
     * when asked, and returns the rows as a stream that reads the database only when subscribed.
     */
    public Mono<DatastoreResult> search(String table, List<DatastoreField> columns, DatastoreRequest request) {
        return Mono.fromCallable(() -> DatastoreQuery.of(table, columns, request)).flatMap(query -> {
            Mono<Long> total = request.includeTotal()
                    ? bind(db.sql(query.countSql()), query.binds()).map(r -> r.get(0, Long.class)).one()
                    : Mono.just(-1L);
            return total.map(n -> new DatastoreResult(query.selected(), n < 0 ? null : n, query.limit(), query.offset(),
                    rows(query)));
        });
    }

    private Flux<Object[]> rows(DatastoreQuery query) {
        List<DatastoreField> fields = query.selected();
        return bind(db.sql(query.selectSql()), query.binds()).map(row -> {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            return values;
        }).all();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Map<String, Object> binds) {
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec;
    }
}
