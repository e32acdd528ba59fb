package org.onestop.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserTopicPolicy;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.platform.storage.FileStore;
import org.onestop.platform.storage.FileType;
import org.onestop.platform.storage.ReceivedFile;
import org.onestop.platform.storage.UploadLimits;
import org.onestop.platform.storage.UploadReceiver;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writing a letter or petition: the request's files are streamed to storage while its fields are read, then
 * the letter, its attachments, its first timeline entry, the writer's event and the audit entry
 * are stored in one transaction. If anything fails after the files were written, they are deleted:
 * nothing of a refused letter stays behind.
 */
@Service
class LetterIntake {

    static final String FILE_FIELD = "attachments";
    private static final int NUMBER_DRAWS = 5;

    private final UploadReceiver receiver;
    private final FileStore files;
    private final LetterForms forms;
    private final Tracking tracking;
    private final LetterStore letters;
    private final AttachmentStore attachments;
    private final CaseStore cases;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final WorkingDays workingDays;
    private final Deadlines deadlines;
    private final Clock clock;
    private final UploadLimits limits;

    LetterIntake(UploadReceiver receiver, FileStore files, LetterForms forms, Tracking tracking, LetterStore letters,
            AttachmentStore attachments, CaseStore cases, LivePublisher live, AuditTrail audit, WorkingDays workingDays,
            Deadlines deadlines, Clock clock, MailboxProperties properties) {
        this.receiver = receiver;
        this.files = files;
        this.forms = forms;
        this.tracking = tracking;
        this.letters = letters;
        this.attachments = attachments;
        this.cases = cases;
        this.live = live;
        this.audit = audit;
        this.workingDays = workingDays;
        this.deadlines = deadlines;
        this.clock = clock;
        this.limits = new UploadLimits(properties.maxAttachments(), properties.maxAttachmentSize().toBytes(),
                EnumSet.allOf(FileType.class), 64 * 1024);
    }

    Mono<MailboxViews.Written> write(Flux<PartEvent> parts, PortalUser writer) {
        if (!CaseAccess.isWriter(writer)) {
            return Mono.error(ProblemException.forbidden());
        }
        return receiver.receive(parts, limits, FILE_FIELD).flatMap(received -> {
            List<String> keys = received.files().stream().map(ReceivedFile::key).toList();
            return forms.check(received.fields(), received.problems())
                    .flatMap(letter -> store(letter, received.files(), writer))
                    .onErrorResume(e -> files.delete(keys).then(Mono.error(e)))
                    .doOnCancel(() -> files.delete(keys).subscribe());
        });
    }

    private Mono<MailboxViews.Written> store(LetterForms.CheckedLetter letter, List<ReceivedFile> received, PortalUser writer) {
        return store(letter, received, writer, id -> Mono.empty());
    }

    /**
     * Stores a checked letter. {@code alsoInTransaction} gets the new letter's id inside the
     * letter's transaction, so another channel's own rows (e.g. an Open311 request) commit or fail
     * with the letter.
     */
    Mono<MailboxViews.Written> store(LetterForms.CheckedLetter letter, List<ReceivedFile> received, PortalUser writer,
            Function<Long, Mono<Void>> alsoInTransaction) {
        String code = tracking.code();
        return Mono.zip(tracking.hash(code), workingDays.calendar()).flatMap(t -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            LocalDate today = WorkingCalendar.receivedOn(now);
            LetterStore.NewLetter row = new LetterStore.NewLetter(letter.channel(), letter.mailbox(), letter.departmentId(),
                    letter.kind(), letter.title(), letter.body(), letter.location(), letter.petitionRequest(),
                    letter.consentToPublish(), letter.contactPreference(), writer.id(), writer.displayName(), t.getT1(),
                    deadlines.due(t.getT2(), letter.channel(), Step.ACCEPT, letter.kind(), today), now);
            return live.write(events -> insert(row, today, NUMBER_DRAWS).flatMap(stored -> attachments.insertAll(stored.id(), received, now)
                    .then(Mono.defer(() -> alsoInTransaction.apply(stored.id())))
                    .then(cases.add(new CaseStore.NewEntry(stored.id(), "received", true, null, null, letter.departmentId(),
                            writer.id(), writer.displayName(), now)))
                    .then(events.append(UserTopicPolicy.topicOf(writer.id()), "letter.status",
                            new MailboxViews.LetterStatus(stored.id(), stored.number(), Status.RECEIVED.code(), "received", now)))
                    .then(audit.record(writer.id(), "mailbox.letter.written", "mailbox_letter", stored.id(),
                            Map.of("trackingNumber", stored.number(), "channel", letter.channel().code(),
                                    "attachments", received.size())))
                    .thenReturn(new MailboxViews.Written(stored.id(), stored.number(), code, Status.RECEIVED.code(), now))));
        });
    }

    private record Stored(long id, String number) {
    }

    /** Inserts under a fresh random number, drawing again while the number is taken. */
    private Mono<Stored> insert(LetterStore.NewLetter row, LocalDate today, int drawsLeft) {
        String number = tracking.number(row.channel(), today);
        return letters.insert(row, number).map(id -> new Stored(id, number))
                .switchIfEmpty(Mono.defer(() -> drawsLeft > 1 ? insert(row, today, drawsLeft - 1)
                        : Mono.error(new IllegalStateException("No free tracking number for " + today))));
    }
}
