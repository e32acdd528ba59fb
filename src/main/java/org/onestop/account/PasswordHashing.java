package org.onestop.account;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Hashes and checks passwords off the event loop: BCrypt is deliberately slow (tens of
 * milliseconds of CPU), which would stall every connection served by that loop.
 */
@Component
class PasswordHashing {

    private final PasswordEncoder encoder;
    /** Compared against when the account does not exist, so both cases take the same time. */
    private final String decoy;

    PasswordHashing(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.decoy = encoder.encode("decoy-password-for-timing");
    }

    Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Boolean> matches(String password, String hash) {
        String against = hash == null ? decoy : hash;
        return Mono.fromCallable(() -> encoder.matches(password, against) && hash != null)
                .subscribeOn(Schedulers.boundedElastic());
    }
}
