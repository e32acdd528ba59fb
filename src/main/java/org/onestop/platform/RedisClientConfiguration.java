package org.onestop.platform;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the Redis client behaves while Redis is away. Left to Lettuce's defaults, every command
 * waits for the full command timeout in a queue and reconnection backs off to 30 s; here a command
 * is refused at once (callers degrade or answer 503 without delay) and reconnection is tried at
 * least every 2 s, so the live relay, sessions and rate limits come back soon after Redis does.
 */
@Configuration(proxyBeanMethods = false)
class RedisClientConfiguration {

    /** The longest wait between two reconnection attempts. */
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    ClientResourcesBuilderCustomizer reconnectQuickly() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(Duration.ofMillis(50), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
    }
}
