package org.onestop.mailbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link Closing#sweep()} every sweep interval on each node. Two nodes sweeping at once is
 * harmless: each case is closed under its row lock, and checked again there.
 */
@Component
class ExpirySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);
    private final Closing closing;
    private final MailboxProperties properties;
    private volatile Disposable running;

    ExpirySweep(Closing closing, MailboxProperties properties) {
        this.closing = closing;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.sweepInterval().isZero() || properties.sweepInterval().isNegative()) {
            return;
        }
        running = Flux.interval(properties.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> closing.sweep().onErrorResume(e -> {
                    log.warn("Closing expired mailbox cases failed; the next sweep tries again: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable sweep = running;
        if (sweep != null) {
            sweep.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
