package org.onestop.mailbox;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.onestop.security.RedisBuckets;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows guessing of query codes: each tracking number gets a few attempts per window, each client
 * address a larger allowance across numbers. A right pair gives its attempts back, so only
 * wrong ones count.
 */
@Component
class TrackingThrottle {

    private final RedisBuckets buckets;
    private final BucketConfiguration perNumber;
    private final BucketConfiguration perAddress;

    TrackingThrottle(RedisBuckets buckets, MailboxProperties properties) {
        this.buckets = buckets;
        this.perNumber = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.trackFailuresPerNumber())
                        .refillGreedy(properties.trackFailuresPerNumber(), properties.trackWindow()))
                .build();
        this.perAddress = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.trackFailuresPerIp())
                        .refillGreedy(properties.trackFailuresPerIp(), properties.trackWindow()))
                .build();
    }

    /** Takes an attempt for the number and the address, or fails with 429 and when to retry. */
    Mono<Void> attempt(String number, String address) {
        return take(numberKey(number), perNumber).then(take(addressKey(address), perAddress));
    }

    Mono<Void> succeeded(String number, String address) {
        return Mono.fromFuture(() -> buckets.bucket(numberKey(number), perNumber).reset())
                .then(Mono.fromFuture(() -> buckets.bucket(addressKey(address), perAddress).addTokens(1)));
    }

    private Mono<Void> take(String key, BucketConfiguration config) {
        return buckets.take(key, config).flatMap(probe -> probe.isConsumed() ? Mono.<Void>empty()
                : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    private static String numberKey(String number) {
        return "mailbox:track:number:" + number;
    }

    private static String addressKey(String address) {
        return "mailbox:track:ip:" + address;
    }
}
