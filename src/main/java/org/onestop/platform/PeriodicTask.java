package org.onestop.platform;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A task run every interval on this node while the application runs (a zero or negative interval
 * turns it off, as tests do to run it themselves). Runs never overlap: a tick that comes while the
 * previous run is busy is dropped. A failed run is logged and the next tick tries again.
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private volatile Disposable running;

    /** How often to run; read once, at start. */
    protected abstract Duration interval();

    /** One run. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        Duration interval = interval();
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().onErrorResume(e -> {
                    log.warn("{} failed; the next run tries again: {}", getClass().getSimpleName(), e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable task = running;
        if (task != null) {
            task.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
