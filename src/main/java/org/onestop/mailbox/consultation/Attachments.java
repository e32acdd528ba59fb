package org.onestop.mailbox.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.storage.FileStore;
import org.onestop.platform.storage.FileType;
import org.onestop.platform.storage.ReceivedFile;
import org.onestop.platform.storage.UploadLimits;
import org.onestop.platform.storage.UploadReceiver;
import org.onestop.security.PortalUser;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.core.io.Resource;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Files attached to a consultation by its department: PDF documents and images, recognised by
 * their content (never by name or declared type), streamed to the FileStore as they arrive.
 * Files are added and removed only while the text may still change (an unpublished draft, or
 * before the window opens); anyone who may see the consultation may download them, so a draft's
 * files stay with its department until it is published. A refused upload keeps no file and no row.
 */
@Service
class Attachments {

    static final String FILE_FIELD = "files";
    /** While these, the text (and so its files) may change. */
    private static final Set<String> CHANGEABLE = Set.of("draft", "upcoming");

    private final UploadReceiver receiver;
    private final FileStore files;
    private final AttachmentStore store;
    private final ConsultationStore consultations;
    private final Drafts drafts;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final UploadLimits limits;
    private final int maxPerConsultation;

    Attachments(UploadReceiver receiver, FileStore files, AttachmentStore store, ConsultationStore consultations, Drafts drafts,
            AuditTrail audit, TransactionalOperator tx, Clock clock, ConsultationProperties properties) {
        this.receiver = receiver;
        this.files = files;
        this.store = store;
        this.consultations = consultations;
        this.drafts = drafts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.maxPerConsultation = properties.maxAttachments();
        this.limits = new UploadLimits(properties.maxAttachments(), properties.maxAttachmentSize().toBytes(),
                EnumSet.allOf(FileType.class), 4 * 1024);
    }

    /** A file and where it is stored, to serve as a download. */
    record Download(AttachmentStore.Attachment attachment, Resource resource) {
    }

    /**
     * Adds the request's files (parts named {@code files}). Who may attach is checked before a byte
     * is stored, and again under the consultation's lock when the rows are written.
     */
    Mono<List<ConsultationViews.Attachment>> attach(long id, Flux<PartEvent> parts, PortalUser user) {
        return drafts.visible(id, user)
                .doOnNext(row -> requireMayChange(row, user))
                .then(Mono.defer(() -> receiver.receive(parts, limits, FILE_FIELD)))
                .flatMap(received -> {
                    if (!received.problems().isEmpty()) {
                        // The receiver has deleted every file of a refused request already.
                        return Mono.error(ProblemException.invalid(rename(received.problems())));
                    }
                    if (received.files().isEmpty()) {
                        return Mono.error(ProblemException.invalid(FILE_FIELD, "required"));
                    }
                    List<String> keys = received.files().stream().map(ReceivedFile::key).toList();
                    return record(id, received.files(), user)
                            .onErrorResume(e -> files.delete(keys).then(Mono.error(e)))
                            .doOnCancel(() -> files.delete(keys).subscribe());
                })
                .then(Mono.defer(() -> list(id)));
    }

    private Mono<Void> record(long id, List<ReceivedFile> received, PortalUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return consultations.lock(id, now)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)))
                .doOnNext(row -> requireMayChange(row, user))
                .flatMap(row -> store.count(id))
                .flatMap(existing -> existing + received.size() > maxPerConsultation
                        ? Mono.error(ProblemException.invalid(FILE_FIELD, "consultation.too_many_files", maxPerConsultation))
                        : store.insertAll(id, received, user.id(), now))
                .then(Mono.defer(() -> audit.record(user.id(), "consultation.attachment.added", "consultation", id,
                        Map.of("files", received.stream().map(ReceivedFile::fileName).toList()))))
                .as(tx::transactional);
    }

    /** Removes one file: its row in a transaction, then the stored file once the removal is committed. */
    Mono<List<ConsultationViews.Attachment>> remove(long id, long attachmentId, PortalUser user) {
        return Mono.defer(() -> {
            ConsultationAccess.requireSignedIn(user);
            return consultations.lock(id, clock.instant())
                    .filter(row -> ConsultationAccess.maySee(user, row.departmentId(), row.publishedAt() != null, row.status()))
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)))
                    .doOnNext(row -> requireMayChange(row, user))
                    .flatMap(row -> store.find(id, attachmentId))
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", attachmentId)))
                    .flatMap(a -> store.delete(a.id())
                            .then(audit.record(user.id(), "consultation.attachment.removed", "consultation", id,
                                    Map.of("file", a.fileName())))
                            .thenReturn(a.storageKey()))
                    .as(tx::transactional);
        }).flatMap(key -> files.delete(List.of(key))).then(Mono.defer(() -> list(id)));
    }

    /** One file for download, for anyone who may see the consultation. */
    Mono<Download> download(long id, long attachmentId, PortalUser user) {
        return drafts.visible(id, user)
                .flatMap(row -> store.find(id, attachmentId))
                .flatMap(a -> files.resource(a.storageKey()).map(r -> new Download(a, r)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", attachmentId)));
    }

    private Mono<List<ConsultationViews.Attachment>> list(long id) {
        return store.of(id).map(AttachmentStore.Attachment::view).collectList();
    }

    private static void requireMayChange(ConsultationStore.Row row, PortalUser user) {
        ConsultationAccess.requireDepartmentOfficial(user, row.departmentId());
        if (!CHANGEABLE.contains(row.status())) {
            throw ProblemException.state("consultation.attachments_fixed");
        }
    }

    /** The receiver's "too many files" speaks of letters; a consultation has its own message. */
    private List<FieldProblem> rename(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.code().equals("too_many_files")
                ? FieldProblem.of(p.field(), "consultation.too_many_files", maxPerConsultation) : p).toList();
    }
}
