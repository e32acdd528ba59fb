package org.onestop.security;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Locale;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing: each account gets a few attempts, after which it is locked until its
 * window has passed (or an admin unlocks it), and each client address a larger allowance across all
 * accounts. A successful login gives the attempts back.
 */
@Component
public class LoginThrottle {

    private final RedisBuckets buckets;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perAddress;

    LoginThrottle(RedisBuckets buckets, LoginProperties properties) {
        this.buckets = buckets;
        this.perAccount = BucketConfiguration.builder()
                // All attempts come back at once when the window ends: a lockout, not a trickle of
                // one guess every few minutes that would go on for ever.
                .addLimit(limit -> limit.capacity(properties.failuresPerAccount())
                        .refillIntervally(properties.failuresPerAccount(), properties.accountWindow()))
                .build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.failuresPerIp())
                        .refillGreedy(properties.failuresPerIp(), properties.ipWindow()))
                .build();
    }

    /** Takes an attempt for the account and the address, or fails with 429 and when to retry. */
    public Mono<Void> attempt(String username, String address) {
        return take(accountKey(username), perAccount).then(take(addressKey(address), perAddress));
    }

    /** A correct password: the account's attempts and this one of the address's are given back. */
    public Mono<Void> succeeded(String username, String address) {
        return Mono.fromFuture(() -> buckets.bucket(accountKey(username), perAccount).reset())
                .then(Mono.fromFuture(() -> buckets.bucket(addressKey(address), perAddress).addTokens(1)));
    }

    /** An admin lifts an account's lockout: its attempts are given back at once. */
    public Mono<Void> unlock(String username) {
        return Mono.fromFuture(() -> buckets.bucket(accountKey(username), perAccount).reset());
    }

    private Mono<Void> take(String key, BucketConfiguration config) {
        return buckets.take(key, config).flatMap(probe -> probe.isConsumed() ? Mono.<Void>empty()
                : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    private static String accountKey(String username) {
        return "login:account:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "login:ip:" + address;
    }
}
