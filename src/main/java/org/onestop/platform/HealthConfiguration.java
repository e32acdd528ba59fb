package org.onestop.platform;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health components: the database appears as "db" (checked over R2DBC), Redis as "redis". */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    @Bean
    ReactiveHealthIndicator dbHealthIndicator(ConnectionFactory connections) {
        return new ConnectionFactoryHealthIndicator(connections, "SELECT 1");
    }
}
