package org.onestop.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.onestop.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import reactor.core.publisher.Mono;

/**
 * The session store (Redis) with a node-local memory of the sessions this node has recently read
 * or saved, used only while Redis is unavailable. People already signed in and working on this
 * node then keep working through a Redis outage (a moderator keeps moderating, a citizen keeps
 * asking); a session this node has not seen cannot be verified and its request fails with the
 * Redis error (503), as do signing in and out.
 *
 * <p>The cost, accepted for the outage only: a session ended on another node during the outage
 * stays usable here until Redis is back, and what a request changes in a remembered session (its
 * last-access time) is not stored.
 */
final class SessionFallback<S extends Session> implements ReactiveSessionRepository<Session> {

    private static final Logger log = LoggerFactory.getLogger(SessionFallback.class);
    private final ReactiveSessionRepository<S> redis;
    private final Map<String, MapSession> remembered;

    SessionFallback(ReactiveSessionRepository<S> redis, int capacity) {
        this.redis = redis;
        // Least recently used first out, so the memory is bounded however many sessions come and go.
        this.remembered = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MapSession> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Mono<Session> createSession() {
        return redis.createSession().map(s -> s);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<Void> save(Session session) {
        if (session instanceof Remembered) {
            // Read from memory during an outage: nothing of it can be stored until Redis is back.
            return Mono.empty();
        }
        return redis.save((S) session).doOnSuccess(done -> remember(session));
    }

    @Override
    public Mono<Session> findById(String id) {
        return redis.findById(id)
                .<Session>map(session -> {
                    remember(session);
                    return session;
                })
                .onErrorResume(e -> Problems.unavailableDependency(e) != null, e -> {
                    Session copy = recall(id);
                    if (copy == null) {
                        return Mono.error(e);
                    }
                    log.warn("Session store unavailable; serving a session this node remembers: {}", e.toString());
                    return Mono.just(copy);
                });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return redis.deleteById(id).doOnSuccess(done -> forget(id));
    }

    private void remember(Session session) {
        MapSession copy = new MapSession(session);
        synchronized (remembered) {
            remembered.put(session.getId(), copy);
        }
    }

    private void forget(String id) {
        synchronized (remembered) {
            remembered.remove(id);
        }
    }

    private Session recall(String id) {
        MapSession copy;
        synchronized (remembered) {
            copy = remembered.get(id);
        }
        if (copy == null || copy.isExpired()) {
            return null;
        }
        // A fresh copy per request: requests must not share one mutable session.
        return new Remembered(new MapSession(copy));
    }

    /** A session served from this node's memory. */
    private record Remembered(MapSession copy) implements Session {
        @Override
        public String getId() {
            return copy.getId();
        }

        @Override
        public String changeSessionId() {
            return copy.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return copy.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return copy.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            copy.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            copy.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return copy.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            copy.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return copy.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            copy.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return copy.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return copy.isExpired();
        }
    }
}
