package org.onestop.opendata.datastore;

import io.r2dbc.spi.R2dbcException;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs checked datastore queries against a resource's table. Each statement runs in its own
 * transaction with a local statement timeout, so a query that would scan for too long is cancelled
 * by PostgreSQL and answered as CKAN does ("Query took too long") instead of tying up the database.
 */
@Service
public class Datastore {

    /** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final String setTimeout;

    Datastore(DatabaseClient db, TransactionalOperator tx, DatastoreProperties properties) {
        this.db = db;
        this.tx = tx;
        // A number from configuration, not user input; SET takes no bind parameters.
        this.setTimeout = "SET LOCAL statement_timeout = " + Math.max(1, properties.statementTimeout().toMillis());
    }

    /**
     * Checks the request (throwing {@link DatastoreInvalid} inside the Mono), counts the matches
     * when asked, and returns the rows as a stream that reads the database only when subscribed.
     */
    public Mono<DatastoreResult> search(String table, List<DatastoreField> columns, DatastoreRequest request) {
        return Mono.fromCallable(() -> DatastoreQuery.of(table, columns, request)).flatMap(query -> {
            Mono<Long> total = request.includeTotal()
                    ? limited(bind(db.sql(query.countSql()), query.binds()).map(r -> r.get(0, Long.class)).all()).single()
                    : Mono.just(-1L);
            return total.map(n -> new DatastoreResult(query.selected(), n < 0 ? null : n, query.limit(), query.offset(),
                    rows(query)));
        });
    }

    private Flux<Object[]> rows(DatastoreQuery query) {
        List<DatastoreField> fields = query.selected();
        return limited(bind(db.sql(query.selectSql()), query.binds()).map(row -> {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            return values;
        }).all());
    }

    private <T> Flux<T> limited(Flux<T> statement) {
        return tx.transactional(db.sql(setTimeout).then().thenMany(statement))
                .onErrorMap(Datastore::timedOut, e -> new DatastoreInvalid(List.of(
                        new DatastoreInvalid.Issue("query", "opendata_query_timeout", null, "Query took too long"))));
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r && QUERY_CANCELED.equals(r.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Map<String, Object> binds) {
        for (Map.Entry<String, Object> b : binds.entrySet()) {
            spec = spec.bind(b.getKey(), b.getValue());
        }
        return spec;
    }
}
