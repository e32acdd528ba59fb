package org.onestop.security;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Locale;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing: each account gets a few attempts before it must wait, and each client
 * address a larger allowance across all accounts. A successful login gives the attempts back.
 */
@Component
public class LoginThrottle {

    private final RedisBuckets buckets;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perAddress;

    LoginThrottle(RedisBuckets buckets, LoginProperties properties) {
        this.buckets = buckets;
        this.perAccount = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.failuresPerAccount())
                        .refillGreedy(properties.failuresPerAccount(), properties.accountWindow()))
                .build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.failuresPerIp())
                        .refillGreedy(properties.failuresPerIp(), properties.ipWindow()))
                .build();
    }

    /**
     * Takes an attempt for the account and the address, or fails with 429 and when to retry. The
     * buckets must be the shared ones: a per-node fallback would multiply the guesses allowed by the
     * number of nodes, so without Redis there is no login (503), as there would be no session either.
     */
    public Mono<Void> attempt(String username, String address) {
        return take(accountKey(username), perAccount).then(take(addressKey(address), perAddress));
    }

    /** A correct password: the account's attempts and this one of the address's are given back. */
    public Mono<Void> succeeded(String username, String address) {
        return Mono.fromFuture(() -> buckets.bucket(accountKey(username), perAccount).reset())
                .then(Mono.fromFuture(() -> buckets.bucket(addressKey(address), perAddress).addTokens(1)));
    }

    private Mono<Void> take(String key, BucketConfiguration config) {
        return buckets.takeShared(key, config).flatMap(probe -> probe.isConsumed() ? Mono.<Void>empty()
                : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    private static String accountKey(String username) {
        return "login:account:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "login:ip:" + address;
    }
}
