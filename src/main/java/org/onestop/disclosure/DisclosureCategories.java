package org.onestop.disclosure;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The disclosure categories other features may offer or check (subscription forms, update sources). */
@Service
public class DisclosureCategories {

    /** A category by its stable code, named in both languages. */
    public record Category(String code, String nameZh, String nameEn) {
    }

    private final DatabaseClient db;

    DisclosureCategories(DatabaseClient db) {
        this.db = db;
    }

    /** Every category, each top-level one followed by its children, in the catalogue's order. */
    public Flux<Category> all() {
        return db.sql("""
                SELECT c.code, c.name_zh, c.name_en FROM disclosure_category c
                LEFT JOIN disclosure_category p ON p.id = c.parent_id
                ORDER BY coalesce(p.sort_order, c.sort_order), c.parent_id NULLS FIRST, c.sort_order""")
                .map(row -> new Category(row.get("code", String.class), row.get("name_zh", String.class),
                        row.get("name_en", String.class)))
                .all();
    }

    public Mono<Boolean> exists(String code) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM disclosure_category WHERE code = :code)").bind("code", code)
                .map(row -> row.get(0, Boolean.class)).one();
    }
}
