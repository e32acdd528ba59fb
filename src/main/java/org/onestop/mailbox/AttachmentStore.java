package org.onestop.mailbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.onestop.platform.storage.ReceivedFile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of letters' attachments; the files themselves are in the FileStore under their keys. */
@Repository
class AttachmentStore {

    private final DatabaseClient db;

    AttachmentStore(DatabaseClient db) {
        this.db = db;
    }

    record Attachment(long id, long letterId, String storageKey, String fileName, String contentType, long size) {
    }

    Mono<Void> insertAll(long letterId, List<ReceivedFile> files, Instant at) {
        if (files.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                INSERT INTO mailbox_attachment (letter_id, storage_key, file_name, content_type, size_bytes, uploaded_at)
                SELECT :letter, k, n, t, s, :at
                FROM unnest(CAST(:keys AS varchar[]), CAST(:names AS varchar[]), CAST(:types AS varchar[]), CAST(:sizes AS bigint[]))
                     WITH ORDINALITY AS f (k, n, t, s, ord)
                ORDER BY ord""")
                .bind("letter", letterId).bind("at", at)
                .bind("keys", files.stream().map(ReceivedFile::key).toArray(String[]::new))
                .bind("names", files.stream().map(ReceivedFile::fileName).toArray(String[]::new))
                .bind("types", files.stream().map(f -> f.type().contentType()).toArray(String[]::new))
                .bind("sizes", files.stream().map(ReceivedFile::size).toArray(Long[]::new))
                .then();
    }

    Flux<Attachment> ofLetter(long letterId) {
        return db.sql("""
                SELECT id, letter_id, storage_key, file_name, content_type, size_bytes FROM mailbox_attachment
                WHERE letter_id = :letter ORDER BY id""")
                .bind("letter", letterId).map(AttachmentStore::attachment).all();
    }

    Mono<Attachment> find(long letterId, long id) {
        return db.sql("""
                SELECT id, letter_id, storage_key, file_name, content_type, size_bytes FROM mailbox_attachment
                WHERE letter_id = :letter AND id = :id""")
                .bind("letter", letterId).bind("id", id).map(AttachmentStore::attachment).one();
    }

    private static Attachment attachment(Readable r) {
        return new Attachment(r.get("id", Long.class), r.get("letter_id", Long.class), r.get("storage_key", String.class),
                r.get("file_name", String.class), r.get("content_type", String.class), r.get("size_bytes", Long.class));
    }
}
