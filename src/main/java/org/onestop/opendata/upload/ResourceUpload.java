package org.onestop.opendata.upload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.opendata.ResourceFiles;
import org.onestop.opendata.StoredFile;
import org.onestop.platform.storage.FileStore;
import org.onestop.platform.storage.UploadReceiver;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a resource upload as it streams in: form fields as text, the one {@code file} part written
 * to storage chunk by chunk while its SHA-256 is computed (the ETag of later downloads). A file over
 * the size limit stops being written at the limit and is deleted, while the rest of the request is
 * read and dropped (up to twice the limit) so the client still gets a problem answer. Whatever fails,
 * the stored file is deleted before the error is passed on.
 */
@Component
class ResourceUpload {

    static final String FILE = "file";

    /** What the request carried; {@code file} is null when none was sent or it was refused. */
    record Received(Map<String, String> fields, StoredFile file, String fileName, List<FieldProblem> problems) {
    }

    private final ResourceFiles files;
    private final FileStore store;

    ResourceUpload(ResourceFiles files, FileStore store) {
        this.files = files;
        this.store = store;
    }

    Mono<Received> receive(Flux<PartEvent> parts, long maxBytes) {
        return Mono.defer(() -> {
            Reading reading = new Reading(maxBytes);
            return parts.windowUntil(PartEvent::isLast)
                    .concatMap(window -> window.switchOnFirst((first, all) -> reading.part(first.get(), all)), 1)
                    .then(Mono.fromCallable(reading::result))
                    .onErrorResume(e -> reading.discard().then(Mono.error(UploadReceiver.translate(e))))
                    .doOnCancel(() -> reading.discard().subscribe());
        });
    }

    /** One request's state; parts arrive one at a time. */
    private final class Reading {

        private final long maxBytes;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<FieldProblem> problems = new ArrayList<>();
        private StoredFile file;
        private String fileName;
        private long dropped;

        Reading(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        Mono<Void> part(PartEvent first, Flux<PartEvent> all) {
            if (first instanceof FormPartEvent form) {
                fields.putIfAbsent(form.name(), form.value());
                return drop(all);
            }
            if (first instanceof FilePartEvent part && FILE.equals(part.name()) && file == null && fileName == null) {
                fileName = part.filename();
                long[] size = {0};
                Flux<byte[]> chunks = all.handle((event, sink) -> {
                    var content = event.content();
                    int n = content.readableByteCount();
                    size[0] += n;
                    if (size[0] <= maxBytes) {
                        byte[] bytes = new byte[n];
                        content.read(bytes);
                        sink.next(bytes);
                    } else if ((dropped += n) > maxBytes) {
                        DataBufferUtils.release(content);
                        sink.error(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", List.of(), List.of(), null));
                        return;
                    }
                    DataBufferUtils.release(content);
                });
                return files.store(chunks).flatMap(stored -> {
                    if (size[0] > maxBytes) {
                        problems.add(FieldProblem.of(FILE, "opendata_file_too_large", maxBytes / (1024 * 1024)));
                        return store.delete(List.of(stored.key()));
                    }
                    file = stored;
                    return Mono.empty();
                });
            }
            problems.add(FieldProblem.of(first.name(), "opendata_unexpected_part"));
            return drop(all);
        }

        private Mono<Void> drop(Flux<PartEvent> all) {
            return all.doOnNext(e -> DataBufferUtils.release(e.content())).then();
        }

        Received result() {
            return new Received(fields, file, fileName, List.copyOf(problems));
        }

        Mono<Void> discard() {
            StoredFile stored = file;
            file = null;
            return stored == null ? Mono.empty() : store.delete(List.of(stored.key()));
        }
    }
}
