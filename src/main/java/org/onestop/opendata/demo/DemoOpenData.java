package org.onestop.opendata.demo;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Loads the 120-dataset demo catalogue once, when no dataset exists. */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
@Order(6)
class DemoOpenData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOpenData.class);

    private final DemoLoader loader;
    private final DatabaseClient db;
    private final Clock clock;

    DemoOpenData(DemoLoader loader, DatabaseClient db, Clock clock) {
        this.loader = loader;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        var seed = db.sql("SELECT EXISTS (SELECT 1 FROM opendata_dataset)").map(r -> r.get(0, Boolean.class)).one()
                .filter(exists -> !exists)
                .flatMap(none -> loader.load(DemoPlan.plan(clock.instant(), DemoPlan.DATASETS)))
                .doOnNext(rows -> log.info("Demo open data loaded: {} datasets, {} datastore rows in {} s", DemoPlan.DATASETS,
                        rows, Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        // Start-up only: the catalogue should not be served half-loaded.
        seed.block(Duration.ofMinutes(15));
    }
}
