package org.onestop.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One timer for the heartbeats of every live connection on this node (WebSocket pings, SSE
 * keep-alive comments), instead of one scheduled task per viewer.
 */
@Component
class Heartbeats implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);
    private final Set<Runnable> beats = ConcurrentHashMap.newKeySet();
    private final Disposable timer;

    Heartbeats(LiveProperties properties) {
        this.timer = Flux.interval(properties.pingInterval()).subscribe(tick -> beats.forEach(Heartbeats::beat));
    }

    /** Runs {@code beat} every ping interval until the returned handle is run. */
    Runnable register(Runnable beat) {
        beats.add(beat);
        return () -> beats.remove(beat);
    }

    private static void beat(Runnable beat) {
        try {
            beat.run();
        } catch (RuntimeException e) {
            // One connection's failure must not stop the heartbeats of all the others.
            log.debug("Heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.dispose();
    }
}
