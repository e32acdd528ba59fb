package org.onestop.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.onestop.platform.storage.FileStore;
import org.onestop.platform.storage.ReceivedFile;
import org.onestop.platform.storage.UploadLimits;
import org.onestop.platform.storage.UploadReceiver;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.core.io.Resource;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Materials: one file per request, streamed to storage and checked by content against the slot's
 * types and size. A file name that tries to name a folder (../, /, \) is refused outright. Whatever
 * is refused or fails after the file was written, the file is deleted: nothing is left behind.
 */
@Service
class MaterialUploads {

    static final String FILE_FIELD = "file";
    static final int MAX_PER_SLOT = 10;

    private final UploadReceiver receiver;
    private final FileStore files;
    private final MaterialStore materials;
    private final ApplicationAccess access;
    private final Forms forms;
    private final TransactionalOperator tx;
    private final Clock clock;

    MaterialUploads(UploadReceiver receiver, FileStore files, MaterialStore materials, ApplicationAccess access, Forms forms,
            TransactionalOperator tx, Clock clock) {
        this.receiver = receiver;
        this.files = files;
        this.materials = materials;
        this.access = access;
        this.forms = forms;
        this.tx = tx;
        this.clock = clock;
    }

    /** A stored material with its file, for download. */
    record Download(MaterialStore.Material material, Resource file) {
    }

    Mono<ApplicationViews.MaterialView> upload(long id, String code, Flux<PartEvent> parts, PortalUser user) {
        // Checked before a byte is stored: the application is the caller's, editable, and has this slot.
        Mono<FormDefinition.Slot> slot = access.asApplicant(access.view(id, user), id).flatMap(row -> {
            Applications.editable(row);
            return forms.version(row.serviceCode(), row.formVersion());
        }).flatMap(form -> Mono.justOrEmpty(form.definition().slot(code))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("material", code))));
        return slot.flatMap(s -> {
            AtomicBoolean badName = new AtomicBoolean();
            Flux<PartEvent> watched = parts.doOnNext(p -> {
                if (p instanceof FilePartEvent file && traversal(file.filename())) {
                    badName.set(true);
                }
            });
            return receiver.receive(watched, new UploadLimits(1, s.maxBytes(), s.types(), 1024), FILE_FIELD)
                    .flatMap(received -> {
                        List<String> keys = received.files().stream().map(ReceivedFile::key).toList();
                        return store(id, s, received, badName.get(), user)
                                .onErrorResume(e -> files.delete(keys).then(Mono.error(e)))
                                .doOnCancel(() -> files.delete(keys).subscribe());
                    });
        });
    }

    private Mono<ApplicationViews.MaterialView> store(long id, FormDefinition.Slot slot, UploadReceiver.Received received,
            boolean badName, PortalUser user) {
        if (badName) {
            return Mono.error(ProblemException.invalid(FILE_FIELD, "application.file_name"));
        }
        if (!received.problems().isEmpty()) {
            return Mono.error(ProblemException.invalid(received.problems()));
        }
        if (received.files().isEmpty()) {
            return Mono.error(ProblemException.invalid(FILE_FIELD, "application.file_missing"));
        }
        ReceivedFile file = received.files().getFirst();
        return access.asApplicant(access.lock(id, user), id).flatMap(row -> {
            Applications.editable(row);
            return materials.count(id, slot.code());
        }).flatMap(count -> count >= MAX_PER_SLOT
                ? Mono.error(ProblemException.invalid(FILE_FIELD, "application.too_many", MAX_PER_SLOT))
                : materials.insert(id, slot.code(), file, clock.instant().truncatedTo(ChronoUnit.MICROS)))
                .as(tx::transactional)
                .map(ApplicationDetails::view);
    }

    /** A name that is more than a name: a folder part, a parent reference, or control characters. */
    static boolean traversal(String name) {
        return name != null && (name.contains("/") || name.contains("\\") || name.contains("..")
                || name.chars().anyMatch(c -> c < 0x20));
    }

    Mono<Void> delete(long id, long materialId, PortalUser user) {
        return access.asApplicant(access.lock(id, user), id).flatMap(row -> {
            Applications.editable(row);
            return materials.find(id, materialId);
        }).switchIfEmpty(Mono.error(() -> ProblemException.notFound("material", materialId)))
                .flatMap(m -> materials.delete(m.id()).thenReturn(m.storageKey()))
                .as(tx::transactional)
                .flatMap(key -> files.delete(List.of(key)));
    }

    /** The file, for the applicant side and the department's officials alike. */
    Mono<Download> download(long id, long materialId, PortalUser user) {
        return access.view(id, user)
                .flatMap(v -> materials.find(id, materialId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("material", materialId)))
                .flatMap(m -> files.resource(m.storageKey()).map(r -> new Download(m, r)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("material", materialId)));
    }
}
