package org.onestop.opendata.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Loads the demo catalogue, or its first datasets, for tests; rows are capped so loads stay quick. */
public final class DemoSet {

    public static final int DATASETS = DemoPlan.DATASETS;

    private DemoSet() {
    }

    /** Loads the first {@code count} planned datasets with at most {@code maxRows} rows each. */
    public static void load(ApplicationContext app, int count, long maxRows) {
        List<DemoPlan.Planned> plan = DemoPlan.plan(app.getBean(Clock.class).instant(), count).stream()
                .map(p -> p.capped(maxRows)).toList();
        app.getBean(DemoLoader.class).load(plan).block(Duration.ofMinutes(5));
    }

    /** Loads the whole demo catalogue exactly as the first start does; returns the datastore rows. */
    public static long loadAll(ApplicationContext app) {
        return app.getBean(DemoLoader.class).load(DemoPlan.plan(app.getBean(Clock.class).instant(), DemoPlan.DATASETS))
                .block(Duration.ofMinutes(30));
    }

    /** Loads exactly these planned datasets in full. */
    public static long loadFull(ApplicationContext app, int... ordinals) {
        var now = app.getBean(Clock.class).instant();
        List<DemoPlan.Planned> plan = java.util.Arrays.stream(ordinals).mapToObj(n -> DemoPlan.planned(n, now)).toList();
        return app.getBean(DemoLoader.class).load(plan).block(Duration.ofMinutes(20));
    }
}
