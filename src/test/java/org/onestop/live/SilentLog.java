package org.onestop.live;

import java.time.Duration;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes events to the log as a write would, but never publishes them: exactly what viewers on
 * other nodes experience when Redis pub/sub loses the messages.
 */
public final class SilentLog {

    private SilentLog() {
    }

    public static long append(ApplicationContext app, String topic, String type, String json) {
        EventLog log = app.getBean(EventLog.class);
        TransactionalOperator tx = app.getBean(TransactionalOperator.class);
        return log.append(topic, type, json, Instant.now()).as(tx::transactional).block(Duration.ofSeconds(10)).seq();
    }
}
