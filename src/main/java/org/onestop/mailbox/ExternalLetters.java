package org.onestop.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The mailbox's door for letters that arrive through another channel than the web form (Open311
 * partner systems). They are stored exactly like web letters (same transaction, timeline, writer
 * event and audit entry) and then marked with their source and service code.
 */
@Service
public class ExternalLetters {

    private final LetterIntake intake;
    private final LetterStore letters;

    ExternalLetters(LetterIntake intake, LetterStore letters) {
        this.intake = intake;
        this.letters = letters;
    }

    /**
     * A letter checked by its channel. {@code departmentId} null means the mayor's mailbox;
     * {@code kind} is a kind code (consultation, help, suggestion, criticism, complaint);
     * {@code contactPreference} one of phone, sms, email, none. The writer is not asked to consent
     * to publication: a partner system cannot give it on a citizen's behalf.
     */
    public record ExternalLetter(String source, String serviceCode, Long departmentId, String kind, String title, String body,
            String location, String contactPreference) {
    }

    /** The stored letter: its id, tracking number and time of receipt. */
    public record Received(long id, String trackingNumber, Instant receivedAt) {
    }

    /** The kind codes letters may have, in the mailbox's order. */
    public static List<String> kinds() {
        return java.util.Arrays.stream(LetterKind.values()).map(LetterKind::code).toList();
    }

    /**
     * Stores the letter as written by {@code writer}; {@code alsoInTransaction} runs with the new
     * letter's id inside the same transaction.
     */
    public Mono<Received> write(ExternalLetter letter, PortalUser writer, Function<Long, Mono<Void>> alsoInTransaction) {
        LetterKind kind = LetterKind.fromCode(letter.kind());
        if (kind == null) {
            return Mono.error(new IllegalArgumentException("Unknown letter kind " + letter.kind()));
        }
        LetterForms.CheckedLetter checked = new LetterForms.CheckedLetter(Channel.MAILBOX,
                letter.departmentId() == null ? "mayor" : "department", letter.departmentId(), kind, letter.title(), letter.body(),
                letter.location(), null, false, letter.contactPreference());
        return intake.store(checked, List.of(), writer,
                        id -> letters.markSource(id, letter.source(), letter.serviceCode()).then(alsoInTransaction.apply(id)))
                .map(w -> new Received(w.id(), w.trackingNumber(), w.receivedAt()));
    }
}
