package org.onestop.mailbox;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Closes replied cases whose rating window has run out. Closing is lazy, when such a case is read
 * or acted on, and a periodic sweep ({@link ExpirySweep}) closes those nobody reads, so lists and
 * statistics lag by at most the sweep interval.
 */
@Component
class Closing {

    static final int SWEEP_BATCH = 500;

    private final CaseSteps steps;
    private final LetterStore letters;
    private final Clock clock;

    Closing(CaseSteps steps, LetterStore letters, Clock clock) {
        this.steps = steps;
        this.letters = letters;
        this.clock = clock;
    }

    /** The letter, closed first if its rating window is over. */
    Mono<Letter> closeIfExpired(Letter letter) {
        if (!expired(letter)) {
            return Mono.just(letter);
        }
        return steps.run(letter.id(), null, "mailbox.letter.closed", Map.of("reason", "rating_window_ended"), c ->
                // Checked again under the lock: the writer may have rated or reopened meanwhile.
                !expired(c.letter()) ? Mono.empty()
                        : letters.close(c.letter().id(), c.now())
                                .then(steps.publicEntry(c, Status.CLOSED, "closed", null, null, null, null)));
    }

    /** Closes a batch of expired cases; how many were closed. */
    Mono<Long> sweep() {
        return letters.expiredReplies(clock.instant(), SWEEP_BATCH)
                .concatMap(id -> letters.find(id).flatMap(this::closeIfExpired))
                .count();
    }

    private boolean expired(Letter l) {
        return l.status() == Status.REPLIED && l.ratingDueAt() != null && !clock.instant().isBefore(l.ratingDueAt());
    }
}
