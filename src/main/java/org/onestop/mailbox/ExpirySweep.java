package org.onestop.mailbox;

import java.time.Duration;
import org.onestop.platform.PeriodicTask;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Runs {@link Closing#sweep()} every sweep interval on each node. Two nodes sweeping at once is
 * harmless: each case is closed under its row lock, and checked again there.
 */
@Component
class ExpirySweep extends PeriodicTask {

    private final Closing closing;
    private final MailboxProperties properties;

    ExpirySweep(Closing closing, MailboxProperties properties) {
        this.closing = closing;
        this.properties = properties;
    }

    @Override
    protected Duration interval() {
        return properties.sweepInterval();
    }

    @Override
    protected Mono<?> runOnce() {
        return closing.sweep();
    }
}
