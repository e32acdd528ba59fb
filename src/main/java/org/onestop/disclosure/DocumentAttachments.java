package org.onestop.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Files attached to published documents by officials of the document's department: PDF documents
 * and images, recognised by their content (never by name or declared type), streamed to the
 * FileStore as they arrive. Whoever may read the document may download its files, including the
 * files only its superseded versions carried; a withdrawn document's files are gone for the
 * public with it. A refused upload keeps no file and no row.
 *
 * <p>OFD and Office files are not accepted: they are zip containers, which their first bytes do
 * not tell apart from any other zip (an archive of executables included), and the shared upload
 * check judges by the first bytes only.
 */
@Service
class DocumentAttachments {

    static final String FILE_FIELD = "files";
    private static final Set<FileType> TYPES = Set.of(FileType.PDF, FileType.JPEG, FileType.PNG, FileType.GIF, FileType.WEBP);

    private final UploadReceiver receiver;
    private final FileStore files;
    private final DocumentAttachmentStore store;
    private final DocumentStore documentStore;
    private final Documents documents;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final UploadLimits limits;
    private final int maxPerDocument;

    DocumentAttachments(UploadReceiver receiver, FileStore files, DocumentAttachmentStore store, DocumentStore documentStore,
            Documents documents, AuditTrail audit, TransactionalOperator tx, Clock clock, AttachmentProperties properties) {
        this.receiver = receiver;
        this.files = files;
        this.store = store;
        this.documentStore = documentStore;
        this.documents = documents;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.maxPerDocument = properties.maxPerDocument();
        this.limits = new UploadLimits(properties.maxPerDocument(), properties.maxFileSize().toBytes(), TYPES, 4 * 1024);
    }

    /** A file and where it is stored, to serve as a download. */
    record Download(DocumentAttachmentStore.Attachment attachment, Resource resource) {
    }

    /**
     * Adds the request's files (parts named {@code files}) to the document as it stands. Who may
     * attach is checked before a byte is stored, and again under the document's lock when the rows
     * are written, so a revision or withdrawal in between is seen.
     */
    Mono<DisclosureViews.Document> attach(long id, Flux<PartEvent> parts, PortalUser user) {
        return documents.owned(id, user)
                .doOnNext(DocumentAttachments::requirePublished)
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
                .then(Mono.defer(() -> documents.get(id, user)));
    }

    private Mono<Void> record(long id, List<ReceivedFile> received, PortalUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return documentStore.lock(id)
                .doOnNext(DocumentAttachments::requirePublished)
                .flatMap(row -> store.countCurrent(id)
                        .flatMap(existing -> existing + received.size() > maxPerDocument
                                ? Mono.error(ProblemException.invalid(FILE_FIELD, "disclosure.too_many_files", maxPerDocument))
                                : store.insertAll(id, row.version(), received, user.id(), now))
                        .then(Mono.defer(() -> audit.record(user.id(), "disclosure.document.attachment_added",
                                "disclosure_document", id, Map.of("version", row.version(),
                                        "files", received.stream().map(ReceivedFile::fileName).toList())))))
                .as(tx::transactional);
    }

    /**
     * Removes a file from the document as it stands. A file that a superseded version carried stays
     * stored for that version; one added since the last revision is deleted, its file once the
     * removal is committed.
     */
    Mono<DisclosureViews.Document> remove(long id, long attachmentId, PortalUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return documents.owned(id, user)
                .then(Mono.defer(() -> documentStore.lock(id)))
                .doOnNext(DocumentAttachments::requirePublished)
                .flatMap(row -> store.find(id, attachmentId)
                        .filter(a -> a.removedIn() == null)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", attachmentId)))
                        .flatMap(a -> {
                            boolean onlyCurrent = a.addedIn() == row.version();
                            Mono<Void> change = onlyCurrent ? store.delete(a.id()) : store.markRemoved(a.id(), row.version(), user.id(), now);
                            return change.then(audit.record(user.id(), "disclosure.document.attachment_removed", "disclosure_document",
                                            id, Map.of("version", row.version(), "file", a.fileName(), "attachment", a.id())))
                                    .thenReturn(onlyCurrent ? List.of(a.storageKey()) : List.<String>of());
                        }))
                .as(tx::transactional)
                .flatMap(files::delete)
                .then(Mono.defer(() -> documents.get(id, user)));
    }

    /** One file for download, for anyone who may read the document (any of its versions). */
    Mono<Download> download(long id, long attachmentId, PortalUser user) {
        return documents.visible(id, user)
                .flatMap(row -> store.find(id, attachmentId))
                .flatMap(a -> files.resource(a.storageKey()).map(r -> new Download(a, r)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", attachmentId)));
    }

    private static void requirePublished(DocumentStore.Row row) {
        if (!row.status().equals("published")) {
            throw ProblemException.state("document_status");
        }
    }

    /** The receiver's "too many files" speaks of letters; a document has its own message. */
    private List<FieldProblem> rename(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.code().equals("too_many_files")
                ? FieldProblem.of(p.field(), "disclosure.too_many_files", maxPerDocument) : p).toList();
    }
}
