package org.onestop.application;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.onestop.platform.storage.ReceivedFile;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of uploaded materials; the files themselves are in the FileStore under their keys. */
@Repository
class MaterialStore {

    record Material(long id, long applicationId, String materialCode, String storageKey, String fileName,
            String contentType, long size, Instant uploadedAt) {
    }

    private static final String SELECT = """
            SELECT id, application_id, material_code, storage_key, file_name, content_type, size_bytes, uploaded_at
            FROM application_material""";

    private final DatabaseClient db;

    MaterialStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Material> insert(long applicationId, String code, ReceivedFile file, Instant at) {
        return db.sql("""
                INSERT INTO application_material (application_id, material_code, storage_key, file_name, content_type,
                        size_bytes, uploaded_at)
                VALUES (:application, :code, :key, :name, :type, :size, :at) RETURNING id""")
                .bind("application", applicationId).bind("code", code).bind("key", file.key()).bind("name", file.fileName())
                .bind("type", file.type().contentType()).bind("size", file.size()).bind("at", at)
                .map(r -> new Material(r.get(0, Long.class), applicationId, code, file.key(), file.fileName(),
                        file.type().contentType(), file.size(), at))
                .one();
    }

    Flux<Material> of(long applicationId) {
        return db.sql(SELECT + " WHERE application_id = :a ORDER BY id").bind("a", applicationId)
                .map(MaterialStore::material).all();
    }

    Mono<Material> find(long applicationId, long id) {
        return db.sql(SELECT + " WHERE application_id = :a AND id = :id").bind("a", applicationId).bind("id", id)
                .map(MaterialStore::material).one();
    }

    Mono<Long> count(long applicationId, String code) {
        return db.sql("SELECT count(*) FROM application_material WHERE application_id = :a AND material_code = :c")
                .bind("a", applicationId).bind("c", code).map(r -> r.get(0, Long.class)).one();
    }

    Mono<Void> delete(long id) {
        return db.sql("DELETE FROM application_material WHERE id = :id").bind("id", id).then();
    }

    private static Material material(Readable r) {
        return new Material(r.get("id", Long.class), r.get("application_id", Long.class),
                r.get("material_code", String.class), r.get("storage_key", String.class), r.get("file_name", String.class),
                r.get("content_type", String.class), r.get("size_bytes", Long.class), r.get("uploaded_at", Instant.class));
    }
}
