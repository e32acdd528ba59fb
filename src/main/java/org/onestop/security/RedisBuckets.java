package org.onestop.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets kept in Redis (Bucket4j over Lettuce), so a limit holds across every node. Every
 * rate limit of the portal takes its buckets from here, each under its own key prefix.
 */
@Component
public class RedisBuckets implements DisposableBean {

    private static final String PREFIX = "onestop:bucket:";
    private final RedisClient client;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final AsyncProxyManager<byte[]> buckets;

    public RedisBuckets(DataRedisConnectionDetails redis) {
        DataRedisConnectionDetails.Standalone standalone = redis.getStandalone();
        RedisURI.Builder uri = RedisURI.builder().withHost(standalone.getHost()).withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase()).withTimeout(Duration.ofSeconds(2));
        if (redis.getPassword() != null) {
            uri = redis.getUsername() != null
                    ? uri.withAuthentication(redis.getUsername(), redis.getPassword())
                    : uri.withPassword(redis.getPassword().toCharArray());
        }
        this.client = RedisClient.create(uri.build());
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

    /** Takes one token, or fails with the time until one is available. */
    public Mono<ConsumptionProbe> take(String key, BucketConfiguration config) {
        return Mono.fromFuture(() -> bucket(key, config).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void destroy() {
        connection.close();
        client.shutdown();
    }
}
