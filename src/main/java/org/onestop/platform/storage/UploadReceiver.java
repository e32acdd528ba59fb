package org.onestop.platform.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart request as it streams in ({@code @RequestBody Flux<PartEvent>}): form fields
 * and small non-file parts (e.g. a JSON part) are collected as text, file parts are written to the
 * {@link FileStore} buffer by buffer, so no file is ever held in memory whole.
 *
 * <p>Each file is checked as it arrives: its type by its first bytes, its size by counting. A
 * refused file is deleted at once and the rest of the request is read and thrown away (up to
 * {@link UploadLimits#maxRequestBytes()}), so that the client gets a problem answer instead of a
 * broken connection. When any file is refused, none is kept. Whatever goes wrong while reading
 * (a malformed request, a disconnect), the files written so far are deleted.
 */
@Component
public class UploadReceiver {

    private final FileStore store;

    UploadReceiver(FileStore store) {
        this.store = store;
    }

    /**
     * What a request carried: its text parts by name, its stored files in order, and the problems
     * of refused files (then no file is kept: the caller answers with the problems).
     */
    public record Received(Map<String, String> fields, List<ReceivedFile> files, List<FieldProblem> problems) {
    }

    /**
     * Stores the request's files and collects its fields. The caller owns the stored files: it
     * must delete them (see {@link FileStore#delete}) if it fails to record them.
     */
    public Mono<Received> receive(Flux<PartEvent> parts, UploadLimits limits, String fileField) {
        return Mono.defer(() -> {
            Reading reading = new Reading(limits, fileField);
            // One event at a time, none fetched ahead: the client's upload is paced by the disk.
            return parts.concatMap(reading::accept, 1)
                    .then(Mono.defer(reading::result))
                    .onErrorResume(e -> reading.cleanUp().then(Mono.error(translate(e))))
                    .doOnCancel(() -> reading.cleanUp().subscribe());
        });
    }

    /** A multipart read error as the problem the client gets: too large (413) or malformed (400). */
    public static Throwable translate(Throwable e) {
        if (e instanceof DataBufferLimitException) {
            return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", List.of(), List.of(), null);
        }
        if (e instanceof DecodingException) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body", List.of(), List.of(), null);
        }
        return e;
    }

    /** The state of one request being read; events arrive one at a time (concatMap). */
    private final class Reading {

        private final UploadLimits limits;
        private final String fileField;
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<ReceivedFile> files = new ArrayList<>();
        private final List<FieldProblem> problems = new ArrayList<>();
        private boolean partStarted;
        private long requestBytes;
        private int fileCount;
        // The file part being read: its upload (null when discarding), name, first bytes.
        private FileStore.Upload upload;
        private String fileName;
        private final byte[] head = new byte[FileType.HEAD_LENGTH];
        private int headLength;
        // A non-file, non-form part (e.g. application/json) being collected.
        private ByteArrayOutputStream text;
        private boolean discarding;

        Reading(UploadLimits limits, String fileField) {
            this.limits = limits;
            this.fileField = fileField;
        }

        Mono<Void> accept(PartEvent event) {
            DataBuffer content = event.content();
            requestBytes += content.readableByteCount();
            if (requestBytes > limits.maxRequestBytes()) {
                DataBufferUtils.release(content);
                return Mono.error(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", List.of(), List.of(), null));
            }
            boolean first = !partStarted;
            partStarted = !event.isLast();
            if (event instanceof FormPartEvent form) {
                DataBufferUtils.release(content);
                fields.putIfAbsent(form.name(), form.value());
                return Mono.empty();
            }
            if (event instanceof FilePartEvent file) {
                // Copied and released at once: writing (and first creating the file) completes
                // later on another thread, and the multipart parser's pooled buffers were seen
                // released by then. One chunk is copied at a time, never the whole file.
                DataBuffer copy = DefaultDataBufferFactory.sharedInstance.allocateBuffer(content.readableByteCount());
                copy.write(content);
                DataBufferUtils.release(content);
                return file(file, copy, first);
            }
            return text(event, content, first);
        }

        private Mono<Void> text(PartEvent event, DataBuffer content, boolean first) {
            if (first) {
                text = new ByteArrayOutputStream();
                discarding = false;
            }
            if (!discarding) {
                if (text.size() + content.readableByteCount() > limits.maxFieldBytes()) {
                    problems.add(FieldProblem.of(event.name(), "size", 0, limits.maxFieldBytes()));
                    discarding = true;
                } else {
                    byte[] bytes = new byte[content.readableByteCount()];
                    content.read(bytes);
                    text.writeBytes(bytes);
                }
            }
            DataBufferUtils.release(content);
            if (event.isLast() && !discarding) {
                fields.putIfAbsent(event.name(), text.toString(StandardCharsets.UTF_8));
            }
            return Mono.empty();
        }

        private Mono<Void> file(FilePartEvent event, DataBuffer content, boolean first) {
            Mono<Void> start = Mono.empty();
            if (first) {
                start = startFile(event, content);
            }
            return start.then(Mono.defer(() -> {
                if (upload == null) {
                    DataBufferUtils.release(content);
                    return Mono.empty();
                }
                int count = content.readableByteCount();
                if (upload.size() + count > limits.maxFileBytes()) {
                    DataBufferUtils.release(content);
                    return refuse("file_too_large", fileName, limits.maxFileBytes() / (1024 * 1024));
                }
                for (int i = 0; headLength < head.length && i < count; i++) {
                    head[headLength++] = content.getByte(content.readPosition() + i);
                }
                if (headLength == head.length && !allowed()) {
                    DataBufferUtils.release(content);
                    return refuse("file_type", fileName);
                }
                return upload.write(content);
            })).then(Mono.defer(() -> event.isLast() ? endFile() : Mono.empty()));
        }

        private Mono<Void> startFile(FilePartEvent event, DataBuffer content) {
            fileName = fileName(event.filename());
            headLength = 0;
            if (!fileField.equals(event.name())) {
                problems.add(FieldProblem.of(event.name(), "unexpected_file"));
                return Mono.empty();
            }
            // A file input left empty is sent as a part with no name and no bytes: nothing was attached.
            if (event.filename().isEmpty() && event.isLast() && content.readableByteCount() == 0) {
                return Mono.empty();
            }
            fileCount++;
            if (fileCount > limits.maxFiles()) {
                if (fileCount == limits.maxFiles() + 1) {
                    problems.add(FieldProblem.of(fileField, "too_many_files", limits.maxFiles()));
                }
                return Mono.empty();
            }
            if (!problems.isEmpty()) {
                // The request is refused already: later files are only counted, not written.
                return Mono.empty();
            }
            return store.create().doOnNext(u -> upload = u).then();
        }

        private Mono<Void> endFile() {
            if (upload == null) {
                return Mono.empty();
            }
            var type = FileType.detect(head, headLength).filter(limits.types()::contains);
            if (type.isEmpty()) {
                return refuse("file_type", fileName);
            }
            FileStore.Upload done = upload;
            upload = null;
            return done.finish().then(Mono.fromRunnable(() ->
                    files.add(new ReceivedFile(done.key(), withExtension(fileName, type.get()), type.get(), done.size()))));
        }

        private boolean allowed() {
            return FileType.detect(head, headLength).filter(limits.types()::contains).isPresent();
        }

        private Mono<Void> refuse(String code, Object... args) {
            problems.add(FieldProblem.of(fileField + "[" + (fileCount - 1) + "]", code, args));
            FileStore.Upload refused = upload;
            upload = null;
            return refused.discard();
        }

        Mono<Received> result() {
            if (!problems.isEmpty()) {
                return cleanUp().thenReturn(new Received(fields, List.of(), List.copyOf(problems)));
            }
            return Mono.just(new Received(fields, List.copyOf(files), List.of()));
        }

        Mono<Void> cleanUp() {
            FileStore.Upload open = upload;
            upload = null;
            List<String> keys = files.stream().map(ReceivedFile::key).toList();
            files.clear();
            return (open == null ? Mono.<Void>empty() : open.discard()).then(store.delete(keys));
        }
    }

    /** The user's name for the file without any folder part, as plain text of at most 100 characters. */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = PlainText.clean(name);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(cp -> !PlainText.hasHiddenCharacters(Character.toString(cp), false) && cp != '"')
                .limit(100).forEach(kept::appendCodePoint);
        return kept.isEmpty() ? "attachment" : kept.toString();
    }

    /** The name ends with the checked type's extension, so a saved copy opens as what it really is. */
    static String withExtension(String name, FileType type) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean matches = lower.endsWith("." + type.extension()) || type == FileType.JPEG && lower.endsWith(".jpeg");
        return matches ? name : name + "." + type.extension();
    }
}
