package org.onestop.platform.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The storage directory of uploaded files. Files are stored under generated keys (never a name a
 * user chose), written as they stream in, and read back as resources. Opening, closing and
 * deleting files are blocking system calls, so they run on the bounded elastic scheduler; the
 * writes themselves go through an asynchronous channel.
 */
@Component
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;

    public FileStore(StorageProperties properties) {
        this.root = properties.dir().toAbsolutePath().normalize();
    }

    /** A new, empty file under a fresh key, open for writing. */
    public Mono<Upload> create() {
        return Mono.fromCallable(() -> {
            String id = UUID.randomUUID().toString();
            String key = id.substring(0, 2) + "/" + id;
            Path path = path(key);
            Files.createDirectories(path.getParent());
            return new Upload(key, path, AsynchronousFileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The stored file as a resource (served zero-copy by WebFlux), or empty when it is gone. */
    public Mono<Resource> resource(String key) {
        return Mono.fromCallable(() -> {
            Path path = path(key);
            return Files.isRegularFile(path) ? (Resource) new FileSystemResource(path) : null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Deletes stored files; a file already gone is not an error. */
    public Mono<Void> delete(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        return Mono.<Void>fromRunnable(() -> keys.forEach(this::deleteQuietly)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Whether a key names a stored file (for tests and checks; does not touch the disk otherwise). */
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    private Path path(String key) {
        // Keys come from the database, but are checked anyway: nothing may resolve outside the root.
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a storage key: " + key);
        }
        return root.resolve(key);
    }

    private void deleteQuietly(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            log.warn("Could not delete stored file {}: {}", key, e.toString());
        }
    }

    /** A file being written: buffers are appended in order, then it is finished or discarded. */
    public final class Upload {

        private final String key;
        private final Path path;
        private final AsynchronousFileChannel channel;
        private long size;

        private Upload(String key, Path path, AsynchronousFileChannel channel) {
            this.key = key;
            this.path = path;
            this.channel = channel;
        }

        public String key() {
            return key;
        }

        public long size() {
            return size;
        }

        /** Appends the buffer and releases it. */
        public Mono<Void> write(DataBuffer buffer) {
            long at = size;
            size += buffer.readableByteCount();
            return DataBufferUtils.write(Mono.just(buffer), channel, at)
                    .doOnNext(DataBufferUtils::release)
                    .doOnError(e -> DataBufferUtils.release(buffer))
                    .then();
        }

        /** Closes the file, keeping it. */
        public Mono<Void> finish() {
            return Mono.<Void>fromRunnable(this::close).subscribeOn(Schedulers.boundedElastic());
        }

        /** Closes and deletes the file. */
        public Mono<Void> discard() {
            return Mono.<Void>fromRunnable(() -> {
                close();
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("Could not delete discarded upload {}: {}", key, e.toString());
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
