package org.onestop.mailbox.consultation;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.onestop.platform.storage.ReceivedFile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of consultations' attachments; the files themselves are in the FileStore under their keys. */
@Repository("consultationAttachmentStore")
class AttachmentStore {

    private static final String SELECT = """
            SELECT id, consultation_id, storage_key, file_name, content_type, size_bytes FROM consultation_attachment""";

    private final DatabaseClient db;

    AttachmentStore(DatabaseClient db) {
        this.db = db;
    }

    record Attachment(long id, long consultationId, String storageKey, String fileName, String contentType, long size) {

        ConsultationViews.Attachment view() {
            return new ConsultationViews.Attachment(id, fileName, contentType, size);
        }
    }

    Mono<Void> insertAll(long consultationId, List<ReceivedFile> files, long by, Instant at) {
        return db.sql("""
                INSERT INTO consultation_attachment (consultation_id, storage_key, file_name, content_type, size_bytes, uploaded_by,
                                                     uploaded_at)
                SELECT :consultation, k, n, t, s, :by, :at
                FROM unnest(CAST(:keys AS varchar[]), CAST(:names AS varchar[]), CAST(:types AS varchar[]), CAST(:sizes AS bigint[]))
                     WITH ORDINALITY AS f (k, n, t, s, ord)
                ORDER BY ord""")
                .bind("consultation", consultationId).bind("by", by).bind("at", at)
                .bind("keys", files.stream().map(ReceivedFile::key).toArray(String[]::new))
                .bind("names", files.stream().map(ReceivedFile::fileName).toArray(String[]::new))
                .bind("types", files.stream().map(f -> f.type().contentType()).toArray(String[]::new))
                .bind("sizes", files.stream().map(ReceivedFile::size).toArray(Long[]::new))
                .then();
    }

    Flux<Attachment> of(long consultationId) {
        return db.sql(SELECT + " WHERE consultation_id = :c ORDER BY id").bind("c", consultationId)
                .map(AttachmentStore::attachment).all();
    }

    Mono<Long> count(long consultationId) {
        return db.sql("SELECT count(*) FROM consultation_attachment WHERE consultation_id = :c").bind("c", consultationId)
                .map(r -> r.get(0, Long.class)).one();
    }

    Mono<Attachment> find(long consultationId, long id) {
        return db.sql(SELECT + " WHERE consultation_id = :c AND id = :id").bind("c", consultationId).bind("id", id)
                .map(AttachmentStore::attachment).one();
    }

    Mono<Void> delete(long id) {
        return db.sql("DELETE FROM consultation_attachment WHERE id = :id").bind("id", id).then();
    }

    private static Attachment attachment(Readable r) {
        return new Attachment(r.get("id", Long.class), r.get("consultation_id", Long.class), r.get("storage_key", String.class),
                r.get("file_name", String.class), r.get("content_type", String.class), r.get("size_bytes", Long.class));
    }
}
