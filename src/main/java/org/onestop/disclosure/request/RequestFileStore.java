package org.onestop.disclosure.request;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import org.onestop.platform.storage.ReceivedFile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of files delivered with replies; the files themselves are in the FileStore under their keys. */
@Repository("disclosureRequestFileStore")
class RequestFileStore {

    record StoredFile(long id, long requestId, String storageKey, String fileName, String contentType, long size) {
    }

    private static final String SELECT = "SELECT id, request_id, storage_key, file_name, content_type, size_bytes FROM disclosure_request_file";

    private final DatabaseClient db;

    RequestFileStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insertAll(long requestId, List<ReceivedFile> files, long by, Instant at) {
        if (files.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                INSERT INTO disclosure_request_file (request_id, storage_key, file_name, content_type, size_bytes, uploaded_by, uploaded_at)
                SELECT :request, k, n, t, s, :by, :at
                FROM unnest(CAST(:keys AS varchar[]), CAST(:names AS varchar[]), CAST(:types AS varchar[]), CAST(:sizes AS bigint[]))
                     WITH ORDINALITY AS f (k, n, t, s, ord)
                ORDER BY ord""")
                .bind("request", requestId).bind("by", by).bind("at", at)
                .bind("keys", files.stream().map(ReceivedFile::key).toArray(String[]::new))
                .bind("names", files.stream().map(ReceivedFile::fileName).toArray(String[]::new))
                .bind("types", files.stream().map(f -> f.type().contentType()).toArray(String[]::new))
                .bind("sizes", files.stream().map(ReceivedFile::size).toArray(Long[]::new))
                .then();
    }

    Flux<StoredFile> ofRequest(long requestId) {
        return db.sql(SELECT + " WHERE request_id = :r ORDER BY id").bind("r", requestId).map(RequestFileStore::file).all();
    }

    Mono<StoredFile> find(long requestId, long id) {
        return db.sql(SELECT + " WHERE request_id = :r AND id = :id").bind("r", requestId).bind("id", id)
                .map(RequestFileStore::file).one();
    }

    private static StoredFile file(Readable r) {
        return new StoredFile(r.get("id", Long.class), r.get("request_id", Long.class), r.get("storage_key", String.class),
                r.get("file_name", String.class), r.get("content_type", String.class), r.get("size_bytes", Long.class));
    }
}
