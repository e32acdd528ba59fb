package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpStatus;

class ProblemsTests {

    @Test
    void redisCommandTimeoutWrappedBySpringIsRedisUnavailable() {
        var e = new QueryTimeoutException("Redis command timed out", new RedisCommandTimeoutException("2 second(s)"));
        assertThat(Problems.unavailableDependency(new RuntimeException(e))).isEqualTo("redis");
    }

    @Test
    void redisConnectionFailureIsRedisUnavailable() {
        assertThat(Problems.unavailableDependency(new RedisConnectionFailureException("refused"))).isEqualTo("redis");
    }

    @Test
    void redisCommandsCutOffByALostConnectionAreRedisUnavailable() {
        assertThat(Problems.unavailableDependency(new io.lettuce.core.RedisException("Currently not connected. Commands are rejected.")))
                .isEqualTo("redis");
        assertThat(Problems.unavailableDependency(new io.lettuce.core.RedisException("Connection disconnected"))).isEqualTo("redis");
        assertThat(Problems.unavailableDependency(new io.lettuce.core.RedisException("Connection closed"))).isEqualTo("redis");
        assertThat(Problems.unavailableDependency(new io.lettuce.core.RedisException("WRONGTYPE Operation against a key"))).isNull();
    }

    @Test
    void r2dbcResourceFailureIsDatabaseUnavailable() {
        assertThat(Problems.unavailableDependency(new R2dbcNonTransientResourceException("connection refused") { }))
                .isEqualTo("database");
    }

    @Test
    void ordinaryErrorsAreNotUnavailability() {
        assertThat(Problems.unavailableDependency(new IllegalStateException("bug"))).isNull();
        assertThat(Problems.unavailableDependency(null)).isNull();
    }

    @Test
    void bareStatusesMapToTheirProblemTypes() {
        assertThat(Problems.typeFor(HttpStatus.NOT_FOUND)).isEqualTo("no-such-path");
        assertThat(Problems.typeFor(HttpStatus.CONTENT_TOO_LARGE)).isEqualTo("payload-too-large");
        assertThat(Problems.typeFor(HttpStatus.I_AM_A_TEAPOT)).isEqualTo("bad-request");
        assertThat(Problems.typeFor(HttpStatus.BAD_GATEWAY)).isEqualTo("internal");
    }
}
