package org.onestop.servicehall;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads services into the catalogue in batches of {@value #BATCH}, one statement each, all in one
 * transaction: a catalogue is there entirely or not at all.
 */
@Component
class CatalogueLoader {

    static final int BATCH = 500;

    private final CatalogueStore store;
    private final JsonMapper json;
    private final TransactionalOperator tx;

    CatalogueLoader(CatalogueStore store, JsonMapper json, TransactionalOperator tx) {
        this.store = store;
        this.json = json;
        this.tx = tx;
    }

    /** @return how many services were stored (codes already present are skipped) */
    Mono<Long> load(List<ServiceDraft> drafts) {
        return Flux.fromIterable(drafts).buffer(BATCH)
                .concatMap(batch -> store.insertAll(batch, json))
                .reduce(0L, Long::sum)
                .as(tx::transactional);
    }
}
