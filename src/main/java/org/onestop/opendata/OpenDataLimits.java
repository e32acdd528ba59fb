package org.onestop.opendata;

import io.github.bucket4j.BucketConfiguration;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.onestop.security.RedisBuckets;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Per-address allowances for downloads and anonymous API calls, in Redis token buckets so they
 * hold across nodes. Calls made with an API key are limited by the key's quota instead.
 */
@Component
public class OpenDataLimits {

    private final RedisBuckets buckets;
    private final BucketConfiguration downloads;
    private final BucketConfiguration calls;

    OpenDataLimits(RedisBuckets buckets, OpenDataProperties properties) {
        this.buckets = buckets;
        this.downloads = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(properties.downloadsPerIp()).refillGreedy(properties.downloadsPerIp(), properties.window()))
                .build();
        this.calls = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(properties.apiCallsPerIp()).refillGreedy(properties.apiCallsPerIp(), properties.window()))
                .build();
    }

    public Mono<Void> download(ServerWebExchange exchange) {
        return take("opendata:download:" + address(exchange), downloads);
    }

    public Mono<Void> call(ServerWebExchange exchange) {
        return take("opendata:call:" + address(exchange), calls);
    }

    private Mono<Void> take(String key, BucketConfiguration config) {
        return buckets.take(key, config).flatMap(probe -> probe.isConsumed() ? Mono.<Void>empty()
                : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
