package org.onestop.opendata.requests;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of dataset requests. */
@Component
class DataRequestStore {

    private static final String SELECT = """
            SELECT r.id, r.user_id, r.department_id, d.name_zh, r.title, r.description, r.status, r.answer, s.name AS dataset,
                   r.created_at, r.answered_at
            FROM opendata_request r JOIN department d ON d.id = r.department_id
            LEFT JOIN opendata_dataset s ON s.id = r.dataset_id""";

    private final DatabaseClient db;

    DataRequestStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long userId, long departmentId, String title, String description, Instant now) {
        return db.sql("""
                INSERT INTO opendata_request (user_id, department_id, title, description, status, created_at)
                VALUES (:user, :department, :title, :description, 'open', :now) RETURNING id""")
                .bind("user", userId).bind("department", departmentId).bind("title", title).bind("description", description)
                .bind("now", now).map(r -> r.get(0, Long.class)).one();
    }

    Mono<DataRequest> byId(long id) {
        return db.sql(SELECT + " WHERE r.id = :id").bind("id", id).map(DataRequestStore::row).one();
    }

    /** The request locked for answering. */
    Mono<DataRequest> lock(long id) {
        return db.sql("SELECT id FROM opendata_request WHERE id = :id FOR UPDATE").bind("id", id).map(r -> r.get(0, Long.class)).one()
                .flatMap(this::byId);
    }

    Flux<DataRequest> recent(int limit) {
        return db.sql(SELECT + " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit").bind("limit", limit).map(DataRequestStore::row).all();
    }

    Flux<DataRequest> ofUser(long userId) {
        return db.sql(SELECT + " WHERE r.user_id = :user ORDER BY r.created_at DESC, r.id DESC").bind("user", userId)
                .map(DataRequestStore::row).all();
    }

    Flux<DataRequest> ofDepartment(long departmentId) {
        return db.sql(SELECT + " WHERE r.department_id = :department ORDER BY r.status = 'open' DESC, r.created_at, r.id")
                .bind("department", departmentId).map(DataRequestStore::row).all();
    }

    Mono<Void> answer(long id, String status, String answer, Long datasetId, Instant now) {
        var spec = db.sql("""
                UPDATE opendata_request SET status = :status, answer = :answer, dataset_id = :dataset, answered_at = :now
                WHERE id = :id AND status = 'open'""")
                .bind("status", status).bind("now", now).bind("id", id);
        spec = answer == null ? spec.bindNull("answer", String.class) : spec.bind("answer", answer);
        spec = datasetId == null ? spec.bindNull("dataset", Long.class) : spec.bind("dataset", datasetId);
        return spec.then();
    }

    private static DataRequest row(Readable r) {
        return new DataRequest(r.get("id", Long.class), r.get("user_id", Long.class), r.get("department_id", Long.class),
                r.get("name_zh", String.class), r.get("title", String.class), r.get("description", String.class),
                r.get("status", String.class), r.get("answer", String.class), r.get("dataset", String.class),
                r.get("created_at", Instant.class), r.get("answered_at", Instant.class));
    }
}
