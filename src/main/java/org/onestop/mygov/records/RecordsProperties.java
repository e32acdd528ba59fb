package org.onestop.mygov.records;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Where each record type's department system is and how patiently to ask it.
 *
 * @param demoToken bearer token of the built-in demo records service; when empty a random one is
 *     made at start, known only to this node, which is also the only caller of its own demo service
 * @param demoBaseUrl base URL of the built-in demo records service; empty means this node's own port
 * @param pollBatch most record subscriptions the scanner polls in one pass
 * @param pollInterval least time between two polls of one record subscription
 * @param types connector settings per record type code (provident-fund, water-bill...); a type
 *     without an entry, or without a base URL, is served by the demo records service
 */
@ConfigurationProperties("onestop.mygov.records")
public record RecordsProperties(
        @DefaultValue("") String demoToken,
        @DefaultValue("") String demoBaseUrl,
        @DefaultValue("50") int pollBatch,
        @DefaultValue("6h") Duration pollInterval,
        Map<String, Connector> types) {

    public RecordsProperties {
        types = types == null ? Map.of() : Map.copyOf(types);
    }

    /** The settings of one type, the defaults when it has none. */
    Connector connector(RecordType type) {
        return types.getOrDefault(type.code(), Connector.defaults());
    }

    /**
     * One department system.
     *
     * @param baseUrl the system's base URL; empty for the built-in demo records service
     * @param token bearer token the system expects (use an environment placeholder)
     * @param connectTimeout TCP connect timeout
     * @param responseTimeout longest wait for an answer to one attempt
     * @param maxAttempts attempts per query, the first included; only timeouts, connection
     *     failures and 5xx answers are retried
     * @param retryBackoff pause between attempts
     * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
     * @param slidingWindow calls the failure rate is measured over
     * @param minimumCalls calls needed before the failure rate counts
     * @param openDuration how long an open circuit refuses calls before trying again
     * @param halfOpenCalls trial calls let through after that; all succeeding closes the circuit
     * @param cacheTtl how long an answer is reused for the same person; zero turns caching off
     * @param cacheSize most people whose answers are kept at once
     */
    public record Connector(
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String token,
            @DefaultValue(CONNECT_TIMEOUT) Duration connectTimeout,
            @DefaultValue(RESPONSE_TIMEOUT) Duration responseTimeout,
            @DefaultValue(MAX_ATTEMPTS) int maxAttempts,
            @DefaultValue(RETRY_BACKOFF) Duration retryBackoff,
            @DefaultValue(FAILURE_RATE) float failureRateThreshold,
            @DefaultValue(SLIDING_WINDOW) int slidingWindow,
            @DefaultValue(MINIMUM_CALLS) int minimumCalls,
            @DefaultValue(OPEN_DURATION) Duration openDuration,
            @DefaultValue(HALF_OPEN_CALLS) int halfOpenCalls,
            @DefaultValue(CACHE_TTL) Duration cacheTtl,
            @DefaultValue(CACHE_SIZE) int cacheSize) {

        static final String CONNECT_TIMEOUT = "2s";
        static final String RESPONSE_TIMEOUT = "3s";
        static final String MAX_ATTEMPTS = "2";
        static final String RETRY_BACKOFF = "200ms";
        static final String FAILURE_RATE = "50";
        static final String SLIDING_WINDOW = "10";
        static final String MINIMUM_CALLS = "5";
        static final String OPEN_DURATION = "30s";
        static final String HALF_OPEN_CALLS = "2";
        static final String CACHE_TTL = "60s";
        static final String CACHE_SIZE = "10000";

        static Connector defaults() {
            return new Connector("", "", DurationStyle.detectAndParse(CONNECT_TIMEOUT),
                    DurationStyle.detectAndParse(RESPONSE_TIMEOUT), Integer.parseInt(MAX_ATTEMPTS),
                    DurationStyle.detectAndParse(RETRY_BACKOFF), Float.parseFloat(FAILURE_RATE),
                    Integer.parseInt(SLIDING_WINDOW), Integer.parseInt(MINIMUM_CALLS),
                    DurationStyle.detectAndParse(OPEN_DURATION), Integer.parseInt(HALF_OPEN_CALLS),
                    DurationStyle.detectAndParse(CACHE_TTL), Integer.parseInt(CACHE_SIZE));
        }

        boolean demo() {
            return baseUrl == null || baseUrl.isBlank();
        }
    }
}
