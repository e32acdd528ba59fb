package org.onestop.disclosure;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of documents, their superseded versions and related links. */
@Repository
class DocumentStore {

    record Row(long id, String indexNumber, long departmentId, long categoryId, String title, String docNumber,
            String topic, LocalDate publishedOn, String validity, String body, int version, String status,
            String withdrawReason, Instant updatedAt) {
    }

    /** What an official writes: the same fields for a new document and for a revision. */
    record Content(long categoryId, String title, String docNumber, String topic, LocalDate publishedOn,
            String validity, String body, String bodyText) {
    }

    record VersionRow(int version, long categoryId, String title, String docNumber, String topic,
            LocalDate publishedOn, String validity, String body, Instant savedAt) {
    }

    private static final String SELECT = """
            SELECT id, index_number, department_id, category_id, title, doc_number, topic, published_on, validity,
                   body, version, status, withdraw_reason, updated_at FROM disclosure_document""";

    private final DatabaseClient db;

    DocumentStore(DatabaseClient db) {
        this.db = db;
    }

    /** The next serial of a department's index numbers in a year, taken atomically. */
    Mono<Integer> nextSerial(long departmentId, int year) {
        return db.sql("""
                INSERT INTO disclosure_index_counter AS c (department_id, year, last_serial) VALUES (:d, :y, 1)
                ON CONFLICT (department_id, year) DO UPDATE SET last_serial = c.last_serial + 1
                RETURNING last_serial""")
                .bind("d", departmentId).bind("y", year).map(r -> r.get(0, Integer.class)).one();
    }

    Mono<Long> insert(String indexNumber, long departmentId, Content c, long by, Instant now) {
        var spec = db.sql("""
                INSERT INTO disclosure_document (index_number, department_id, category_id, title, doc_number, doc_number_key,
                    topic, published_on, validity, body, body_text, created_by, updated_by, created_at, updated_at)
                VALUES (:index, :department, :category, :title, :number, :key, :topic, :on, :validity, :body, :text,
                    :by, :by, :now, :now) RETURNING id""")
                .bind("index", indexNumber).bind("department", departmentId);
        return content(spec, c).bind("by", by).bind("now", now).map(r -> r.get(0, Long.class)).one();
    }

    Mono<Row> find(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(DocumentStore::row).one();
    }

    /** The document, locked until the transaction ends, so revisions of one document happen one at a time. */
    Mono<Row> lock(long id) {
        return db.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(DocumentStore::row).one();
    }

    /** Keeps the document as it stands as a superseded version, before a revision replaces it. */
    Mono<Void> keepCurrentVersion(long id) {
        return db.sql("""
                INSERT INTO disclosure_document_version (document_id, version, category_id, title, doc_number, topic,
                    published_on, validity, body, saved_by, saved_at)
                SELECT id, version, category_id, title, doc_number, topic, published_on, validity, body, updated_by, updated_at
                FROM disclosure_document WHERE id = :id""").bind("id", id).then();
    }

    Mono<Void> revise(long id, Content c, long by, Instant now) {
        var spec = db.sql("""
                UPDATE disclosure_document SET category_id = :category, title = :title, doc_number = :number,
                    doc_number_key = :key, topic = :topic, published_on = :on, validity = :validity, body = :body,
                    body_text = :text, version = version + 1, updated_by = :by, updated_at = :now
                WHERE id = :id""");
        return content(spec, c).bind("by", by).bind("now", now).bind("id", id).then();
    }

    Mono<Void> withdraw(long id, String reason, long by, Instant now) {
        var spec = db.sql("""
                UPDATE disclosure_document SET status = 'withdrawn', withdraw_reason = :reason, withdrawn_at = :now,
                    updated_by = :by WHERE id = :id""");
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.bind("now", now).bind("by", by).bind("id", id).then();
    }

    Flux<VersionRow> versions(long id) {
        return db.sql("""
                SELECT version, category_id, title, doc_number, topic, published_on, validity, body, saved_at
                FROM disclosure_document_version WHERE document_id = :id ORDER BY version""")
                .bind("id", id).map(DocumentStore::version).all();
    }

    Mono<VersionRow> version(long id, int version) {
        return db.sql("""
                SELECT version, category_id, title, doc_number, topic, published_on, validity, body, saved_at
                FROM disclosure_document_version WHERE document_id = :id AND version = :v""")
                .bind("id", id).bind("v", version).map(DocumentStore::version).one();
    }

    /** Related documents in the order the official gave; withdrawn ones are left out unless asked for. */
    Flux<DisclosureViews.Related> related(long id, boolean withWithdrawn) {
        return db.sql("""
                SELECT d.id, d.index_number, d.title FROM disclosure_related r JOIN disclosure_document d ON d.id = r.related_id
                WHERE r.document_id = :id AND (d.status = 'published' OR :all) ORDER BY r.position""")
                .bind("id", id).bind("all", withWithdrawn)
                .map(r -> new DisclosureViews.Related(r.get("id", Long.class), r.get("index_number", String.class),
                        r.get("title", String.class)))
                .all();
    }

    Mono<Void> replaceRelated(long id, List<Long> related) {
        Mono<Void> clear = db.sql("DELETE FROM disclosure_related WHERE document_id = :id").bind("id", id).then();
        if (related.isEmpty()) {
            return clear;
        }
        return clear.then(db.sql("""
                INSERT INTO disclosure_related (document_id, related_id, position)
                SELECT :id, r, p FROM unnest(CAST(:related AS bigint[])) WITH ORDINALITY AS t(r, p)""")
                .bind("id", id).bind("related", related.toArray(Long[]::new)).then());
    }

    /** How many of these ids are published documents. */
    Mono<Long> countPublished(List<Long> ids) {
        return db.sql("SELECT count(*) FROM disclosure_document WHERE id = ANY(CAST(:ids AS bigint[])) AND status = 'published'")
                .bind("ids", ids.toArray(Long[]::new)).map(r -> r.get(0, Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec content(DatabaseClient.GenericExecuteSpec spec, Content c) {
        spec = spec.bind("category", c.categoryId()).bind("title", c.title()).bind("on", c.publishedOn())
                .bind("validity", c.validity()).bind("body", c.body()).bind("text", c.bodyText());
        spec = c.docNumber() == null ? spec.bindNull("number", String.class).bindNull("key", String.class)
                : spec.bind("number", c.docNumber()).bind("key", DocumentNumbers.key(c.docNumber()));
        return c.topic() == null ? spec.bindNull("topic", String.class) : spec.bind("topic", c.topic());
    }

    private static Row row(Readable r) {
        return new Row(r.get("id", Long.class), r.get("index_number", String.class), r.get("department_id", Long.class),
                r.get("category_id", Long.class), r.get("title", String.class), r.get("doc_number", String.class),
                r.get("topic", String.class), r.get("published_on", LocalDate.class), r.get("validity", String.class),
                r.get("body", String.class), r.get("version", Integer.class), r.get("status", String.class),
                r.get("withdraw_reason", String.class), r.get("updated_at", Instant.class));
    }

    private static VersionRow version(Readable r) {
        return new VersionRow(r.get("version", Integer.class), r.get("category_id", Long.class), r.get("title", String.class),
                r.get("doc_number", String.class), r.get("topic", String.class), r.get("published_on", LocalDate.class),
                r.get("validity", String.class), r.get("body", String.class), r.get("saved_at", Instant.class));
    }
}
