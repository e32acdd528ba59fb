package org.onestop.account;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads departments; other features ask here rather than reading the table themselves. */
@Service
public class Departments {

    private static final String SELECT = "SELECT id, code, name_zh, name_en, kind FROM department";
    private final DatabaseClient db;

    Departments(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Department> all(String kind) {
        return kind == null
                ? db.sql(SELECT + " ORDER BY sort_order").map(Departments::department).all()
                : db.sql(SELECT + " WHERE kind = :kind ORDER BY sort_order").bind("kind", kind)
                        .map(Departments::department).all();
    }

    public Mono<Department> byId(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(Departments::department).one();
    }

    public Mono<Department> byCode(String code) {
        return db.sql(SELECT + " WHERE code = :code").bind("code", code).map(Departments::department).one();
    }

    private static Department department(Readable row) {
        return new Department(row.get("id", Long.class), row.get("code", String.class),
                row.get("name_zh", String.class), row.get("name_en", String.class), row.get("kind", String.class));
    }
}
