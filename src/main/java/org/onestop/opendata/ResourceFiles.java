package org.onestop.opendata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.onestop.platform.storage.FileStore;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes resource files to the portal's file storage as they are produced, hashing them on the
 * way: the SHA-256 becomes the strong ETag of downloads. Nothing is held in memory but the chunk
 * being written.
 */
@Component
public class ResourceFiles {

    private final FileStore files;

    ResourceFiles(FileStore files) {
        this.files = files;
    }

    /** Stores the chunks, in order, as one new file. A failure deletes the partial file. */
    public Mono<StoredFile> store(Flux<byte[]> chunks) {
        return files.create().flatMap(upload -> {
            MessageDigest sha = sha256();
            return chunks.concatMap(bytes -> {
                        sha.update(bytes);
                        return upload.write(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
                    }, 1)
                    .then(upload.finish())
                    .then(Mono.fromSupplier(() -> new StoredFile(upload.key(), upload.size(), HexFormat.of().formatHex(sha.digest()))))
                    .onErrorResume(e -> upload.discard().then(Mono.error(e)));
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
