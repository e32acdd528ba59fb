package org.onestop.mygov.records;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The connection to one record type's department system: {@code GET {base}/records/{type}} with
 * the system's bearer token and the person's verified ID number in {@code X-Id-Number} (a header,
 * so it stays out of URL access logs). Each attempt has a timeout; timeouts, connection failures
 * and 5xx answers are retried; a circuit breaker stops asking a system that keeps failing; answers
 * are cached briefly. Every failure reaches the caller as one 503 "record-unavailable" problem.
 */
final class RecordConnector {

    static final String ID_HEADER = "X-Id-Number";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final RecordType type;
    private final WebClient client;
    private final String token;
    private final Duration responseTimeout;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RecordCache cache;
    private final boolean demo;

    RecordConnector(RecordType type, RecordsProperties.Connector settings, WebClient.Builder builder,
            String baseUrl, String token, Clock clock) {
        this.type = type;
        this.token = token;
        this.demo = settings.demo();
        this.responseTimeout = settings.responseTimeout();
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout());
        this.client = builder
                .baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
        Predicate<Throwable> failure = RecordConnector::systemFailed;
        this.breaker = CircuitBreaker.of("records-" + type.code(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordException(failure)
                .clock(clock)
                .build());
        this.retry = Retry.of("records-" + type.code(), RetryConfig.custom()
                .maxAttempts(Math.max(1, settings.maxAttempts()))
                .waitDuration(settings.retryBackoff())
                .retryOnException(failure)
                .build());
        this.cache = new RecordCache(settings.cacheTtl(), settings.cacheSize(), clock);
    }

    RecordType type() {
        return type;
    }

    boolean demo() {
        return demo;
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** The person's records of this type, from the cache or the department system. */
    Mono<RecordList> fetch(String idNumber) {
        return Mono.defer(() -> cache.get(idNumber).map(Mono::just).orElseGet(() -> ask(idNumber)
                .doOnNext(answer -> cache.put(idNumber, answer))));
    }

    private Mono<RecordList> ask(String idNumber) {
        return Mono.defer(() -> client.get()
                        .uri("/records/{type}", type.code())
                        .accept(MediaType.APPLICATION_JSON)
                        .headers(h -> {
                            h.setBearerAuth(token);
                            h.set(ID_HEADER, idNumber);
                        })
                        .retrieve()
                        .bodyToMono(RecordList.class)
                        // The client's response timeout covers waiting for headers; this bounds a body that trickles.
                        .timeout(responseTimeout.multipliedBy(2)))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .transformDeferred(RetryOperator.of(retry))
                .onErrorMap(e -> !(e instanceof ProblemException), e -> unavailable());
    }

    private static ProblemException unavailable() {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "record-unavailable", List.of(), List.of(), RETRY_AFTER);
    }

    /** Whether an error says the system is down or overwhelmed (as opposed to a refused request). */
    static boolean systemFailed(Throwable e) {
        if (e instanceof CallNotPermittedException) {
            return false;
        }
        if (e instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError();
        }
        return e instanceof WebClientRequestException || e instanceof TimeoutException
                || e instanceof org.springframework.core.codec.DecodingException;
    }
}
