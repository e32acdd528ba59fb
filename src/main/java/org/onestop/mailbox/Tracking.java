package org.onestop.mailbox;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tracking numbers and query codes. A number is {@code XX} ({@code XF} for a petition) + the city date + 6 random digits, so
 * numbers do not reveal how many letters a day brings. A code is 8 characters from an alphabet
 * without look-alikes (about 40 bits); only its hash is stored, with the password encoder, so a
 * copy of the database does not give the codes away. Hashing is deliberately slow CPU work and
 * runs off the event loop.
 */
@Component
class Tracking {

    static final String PREFIX = "XX";
    /** Petitions' numbers start 信访's XF, so a number says which clock it runs on. */
    static final String PETITION_PREFIX = "XF";
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random = new SecureRandom();
    private final PasswordEncoder encoder;
    /** Compared against when no letter has the number, so a wrong number takes as long as a wrong code. */
    private final String decoy;

    Tracking(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.decoy = encoder.encode("decoy-query-code");
    }

    String number(LocalDate receivedOn) {
        return number(Channel.MAILBOX, receivedOn);
    }

    String number(Channel channel, LocalDate receivedOn) {
        return (channel == Channel.PETITION ? PETITION_PREFIX : PREFIX) + receivedOn.format(DAY) + String.format("%06d", random.nextInt(1_000_000));
    }

    String code() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    Mono<String> hash(String code) {
        return Mono.fromCallable(() -> encoder.encode(code)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether the code matches the hash; a null hash (no such letter) never matches. */
    Mono<Boolean> matches(String code, String hash) {
        String against = hash == null ? decoy : hash;
        return Mono.fromCallable(() -> encoder.matches(code, against) && hash != null).subscribeOn(Schedulers.boundedElastic());
    }
}
