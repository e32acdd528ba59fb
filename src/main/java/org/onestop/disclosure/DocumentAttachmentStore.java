package org.onestop.disclosure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.onestop.platform.storage.ReceivedFile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SQL of documents' attachments; the files themselves are in the FileStore under their keys.
 * An attachment belongs to the versions from {@code added_in} up to, not including, {@code removed_in}.
 */
@Repository
class DocumentAttachmentStore {

    private static final String SELECT = """
            SELECT id, document_id, storage_key, file_name, content_type, size_bytes, added_in, removed_in
            FROM disclosure_attachment""";

    private final DatabaseClient db;

    DocumentAttachmentStore(DatabaseClient db) {
        this.db = db;
    }

    record Attachment(long id, long documentId, String storageKey, String fileName, String contentType, long size,
            int addedIn, Integer removedIn) {

        DisclosureViews.Attachment view() {
            return new DisclosureViews.Attachment(id, fileName, size, contentType,
                    "/api/disclosure/documents/" + documentId + "/attachments/" + id);
        }
    }

    Mono<Void> insertAll(long documentId, int version, List<ReceivedFile> files, long by, Instant at) {
        return db.sql("""
                INSERT INTO disclosure_attachment (document_id, storage_key, file_name, content_type, size_bytes, added_in,
                                                   uploaded_by, uploaded_at)
                SELECT :document, k, n, t, s, :version, :by, :at
                FROM unnest(CAST(:keys AS varchar[]), CAST(:names AS varchar[]), CAST(:types AS varchar[]), CAST(:sizes AS bigint[]))
                     WITH ORDINALITY AS f (k, n, t, s, ord)
                ORDER BY ord""")
                .bind("document", documentId).bind("version", version).bind("by", by).bind("at", at)
                .bind("keys", files.stream().map(ReceivedFile::key).toArray(String[]::new))
                .bind("names", files.stream().map(ReceivedFile::fileName).toArray(String[]::new))
                .bind("types", files.stream().map(f -> f.type().contentType()).toArray(String[]::new))
                .bind("sizes", files.stream().map(ReceivedFile::size).toArray(Long[]::new))
                .then();
    }

    /** The attachments of the document as it stands, in upload order. */
    Flux<Attachment> current(long documentId) {
        return db.sql(SELECT + " WHERE document_id = :d AND removed_in IS NULL ORDER BY id").bind("d", documentId)
                .map(DocumentAttachmentStore::attachment).all();
    }

    /** The attachments one version carried. */
    Flux<Attachment> ofVersion(long documentId, int version) {
        return db.sql(SELECT + " WHERE document_id = :d AND added_in <= :v AND (removed_in IS NULL OR removed_in > :v) ORDER BY id")
                .bind("d", documentId).bind("v", version).map(DocumentAttachmentStore::attachment).all();
    }

    Mono<Long> countCurrent(long documentId) {
        return db.sql("SELECT count(*) FROM disclosure_attachment WHERE document_id = :d AND removed_in IS NULL")
                .bind("d", documentId).map(r -> r.get(0, Long.class)).one();
    }

    /** Any attachment of the document, current or of a superseded version only. */
    Mono<Attachment> find(long documentId, long id) {
        return db.sql(SELECT + " WHERE document_id = :d AND id = :id").bind("d", documentId).bind("id", id)
                .map(DocumentAttachmentStore::attachment).one();
    }

    /** Takes the attachment out of the current version; superseded versions keep it. */
    Mono<Void> markRemoved(long id, int version, long by, Instant at) {
        return db.sql("UPDATE disclosure_attachment SET removed_in = :v, removed_by = :by, removed_at = :at WHERE id = :id")
                .bind("v", version).bind("by", by).bind("at", at).bind("id", id).then();
    }

    Mono<Void> delete(long id) {
        return db.sql("DELETE FROM disclosure_attachment WHERE id = :id").bind("id", id).then();
    }

    private static Attachment attachment(Readable r) {
        return new Attachment(r.get("id", Long.class), r.get("document_id", Long.class), r.get("storage_key", String.class),
                r.get("file_name", String.class), r.get("content_type", String.class), r.get("size_bytes", Long.class),
                r.get("added_in", Integer.class), r.get("removed_in", Integer.class));
    }
}
