package org.onestop.disclosure.feed;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of the feeds: the newest published documents of a department or of a category and its descendants. */
@Repository("disclosureFeedStore")
class FeedStore {

    static final int ENTRIES = 50;

    record Category(long id, String code, String nameZh, String nameEn) {
    }

    record Entry(long id, String indexNumber, String title, String docNumber, LocalDate publishedOn, Instant updatedAt,
            long departmentId, String categoryCode, String categoryName) {
    }

    private static final String SELECT = """
            SELECT d.id, d.index_number, d.title, d.doc_number, d.published_on, d.updated_at, d.department_id,
                   c.code AS category_code, c.name_zh AS category_name
            FROM disclosure_document d JOIN disclosure_category c ON c.id = d.category_id
            """;

    private final DatabaseClient db;

    FeedStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Category> category(String code) {
        return db.sql("SELECT id, code, name_zh, name_en FROM disclosure_category WHERE code = :code").bind("code", code)
                .map(r -> new Category(r.get("id", Long.class), r.get("code", String.class), r.get("name_zh", String.class),
                        r.get("name_en", String.class)))
                .one();
    }

    Flux<Entry> ofDepartment(long departmentId) {
        return db.sql(SELECT + """
                WHERE d.status = 'published' AND d.department_id = :d
                ORDER BY d.published_on DESC, d.id DESC LIMIT :n""")
                .bind("d", departmentId).bind("n", ENTRIES).map(FeedStore::entry).all();
    }

    /** Documents filed under the category or any of its descendants, as the catalogue's filters include them. */
    Flux<Entry> ofCategory(long categoryId) {
        return db.sql("""
                WITH RECURSIVE tree AS (
                    SELECT id FROM disclosure_category WHERE id = :c
                    UNION ALL
                    SELECT child.id FROM disclosure_category child JOIN tree ON child.parent_id = tree.id)
                """ + SELECT + """
                WHERE d.status = 'published' AND d.category_id IN (SELECT id FROM tree)
                ORDER BY d.published_on DESC, d.id DESC LIMIT :n""")
                .bind("c", categoryId).bind("n", ENTRIES).map(FeedStore::entry).all();
    }

    private static Entry entry(Readable r) {
        return new Entry(r.get("id", Long.class), r.get("index_number", String.class), r.get("title", String.class),
                r.get("doc_number", String.class), r.get("published_on", LocalDate.class), r.get("updated_at", Instant.class),
                r.get("department_id", Long.class), r.get("category_code", String.class), r.get("category_name", String.class));
    }
}
