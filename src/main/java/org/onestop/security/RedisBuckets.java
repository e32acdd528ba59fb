package org.onestop.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onestop.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets kept in Redis (Bucket4j over Lettuce), so a limit holds across every node. Every
 * rate limit of the portal takes its buckets from here, each under its own key prefix.
 *
 * <p>While Redis is unreachable, {@link #take} falls back to a bucket of the same shape on this
 * node: the limit then holds per node instead of across nodes, and the feature behind it keeps
 * working. {@link #takeShared} has no fallback, for limits that must not be multiplied by the
 * number of nodes (password guessing); it fails with the Redis error, which is answered 503.
 */
@Component
public class RedisBuckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final String PREFIX = "onestop:bucket:";
    /** Node-local buckets kept during one outage; past this many the oldest state is dropped. */
    private static final int MAX_LOCAL_BUCKETS = 100_000;
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final AsyncProxyManager<byte[]> buckets;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();

    public RedisBuckets(DataRedisConnectionDetails redis, ClientResources resources) {
        DataRedisConnectionDetails.Standalone standalone = redis.getStandalone();
        RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase()).withTimeout(Duration.ofSeconds(2));
        if (redis.getPassword() != null) {
            uri = redis.getUsername() != null
                    ? uri.withAuthentication(redis.getUsername(), redis.getPassword())
                    : uri.withPassword(redis.getPassword().toCharArray());
        }
        // The application's client resources (reconnect timing) and, like its other Redis clients,
        // commands refused at once while disconnected rather than queued until they time out.
        this.client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        // Connecting blocks once, at start-up; every bucket operation after that is asynchronous.
        this.connection = client.connect(ByteArrayCodec.INSTANCE);
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build()
                .asAsync();
    }

    /** The bucket under {@code key}, created with {@code config} on first use. */
    public AsyncBucketProxy bucket(String key, BucketConfiguration config) {
        return buckets.builder().build((PREFIX + key).getBytes(StandardCharsets.UTF_8), config);
    }

    /** Takes one token, or fails with the time until one is available; per node while Redis is away. */
    public Mono<ConsumptionProbe> take(String key, BucketConfiguration config) {
        return takeShared(key, config).onErrorResume(e -> Problems.unavailableDependency(e) != null, e -> {
            log.warn("Rate limit {} held on this node only while Redis is unavailable: {}", key, e.toString());
            if (local.size() >= MAX_LOCAL_BUCKETS) {
                local.clear();
            }
            return Mono.just(local.computeIfAbsent(key, k -> localBucket(config)).tryConsumeAndReturnRemaining(1));
        });
    }

    /** Takes one token from the bucket shared by all nodes; fails while Redis is unavailable. */
    public Mono<ConsumptionProbe> takeShared(String key, BucketConfiguration config) {
        return Mono.fromFuture(() -> bucket(key, config).tryConsumeAndReturnRemaining(1))
                .doOnNext(probe -> {
                    if (!local.isEmpty()) {
                        // Redis is back: the shared buckets count again.
                        local.clear();
                    }
                });
    }

    private static Bucket localBucket(BucketConfiguration config) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth limit : config.getBandwidths()) {
            builder.addLimit(limit);
        }
        return builder.build();
    }

    @Override
    public void destroy() {
        connection.close();
        client.shutdown();
    }
}
