package org.onestop.opendata.keys;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.onestop.opendata.OpenDataLimits;
import org.onestop.security.RedisBuckets;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Admits an API call: with a key in the Authorization header (raw, as CKAN clients send it, or
 * as a Bearer token) the key must be active and within its per-minute quota, a Redis token
 * bucket shared by every node; without one, the caller's address allowance applies. A refused
 * call fails with 403 (unknown or revoked key) or 429 with the time to wait.
 */
@Component
public class ApiAccess {

    private final DataKeys keys;
    private final RedisBuckets buckets;
    private final KeyUsage usage;
    private final OpenDataLimits limits;

    ApiAccess(DataKeys keys, RedisBuckets buckets, KeyUsage usage, OpenDataLimits limits) {
        this.keys = keys;
        this.buckets = buckets;
        this.usage = usage;
        this.limits = limits;
    }

    public Mono<Void> admit(ServerWebExchange exchange) {
        return admit(exchange, limits.call(exchange));
    }

    /** A download: the key's quota when a key is given, otherwise the address's download allowance. */
    public Mono<Void> admitDownload(ServerWebExchange exchange) {
        return admit(exchange, limits.download(exchange));
    }

    private Mono<Void> admit(ServerWebExchange exchange, Mono<Void> anonymous) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return anonymous;
        }
        String secret = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : header.trim();
        return keys.recognise(secret)
                .switchIfEmpty(Mono.error(ProblemException::forbidden))
                .flatMap(key -> buckets.take("opendata:key:" + key.id(), quota(key.perMinute()))
                        .flatMap(probe -> {
                            usage.call(key.id(), !probe.isConsumed());
                            return probe.isConsumed() ? Mono.<Void>empty()
                                    : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill())));
                        }));
    }

    static BucketConfiguration quota(int perMinute) {
        // Intervally: the whole minute's allowance comes back at once, the usual reading of "N per minute".
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)))
                .build();
    }
}
