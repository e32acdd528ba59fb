package org.onestop.opendata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.onestop.platform.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Looks for datasets overdue for an update every interval, on each node, and alerts the
 * publishing department of each new lapse. Several nodes may scan at once: the alert's unique key
 * (dataset, due instant) lets exactly one of them record it and tell the officials.
 */
@Component
class OverdueScanner extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OverdueScanner.class);
    private final DatasetStore datasets;
    private final OverdueAlerts alerts;
    private final OpenDataProperties properties;
    private final Clock clock;

    OverdueScanner(DatasetStore datasets, OverdueAlerts alerts, OpenDataProperties properties, Clock clock) {
        this.datasets = datasets;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Alerts every new lapse; returns how many alerts this scan sent. */
    Mono<Integer> scan() {
        // A catalogue holds hundreds of datasets: reading them all is cheaper than a second rule in SQL.
        return datasets.all().flatMapMany(all -> {
                    Instant now = clock.instant();
                    return Flux.fromIterable(all).filter(d -> !QualityScore.onTime(d, now));
                })
                .concatMap(d -> alerts.alert(d).onErrorResume(e -> failed(d, e)))
                .filter(Boolean::booleanValue)
                .count()
                .map(Long::intValue);
    }

    private static Mono<Boolean> failed(Dataset d, Throwable e) {
        log.warn("Overdue alert for dataset {} failed; the next scan tries again: {}", d.name(), e.toString());
        return Mono.just(false);
    }

    @Override
    protected Duration interval() {
        return properties.overdueScanInterval();
    }

    @Override
    protected Mono<?> runOnce() {
        return scan();
    }
}
