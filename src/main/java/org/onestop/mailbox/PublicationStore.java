package org.onestop.mailbox;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The SQL of published letters. Public reads select only masked columns and never the writer's
 * name, contact or attachments, so nothing personal can leak through a view built from them.
 */
@Repository
class PublicationStore {

    private static final String PUBLIC_COLUMNS = """
            l.id, l.kind, l.mailbox, l.mailbox_department_id, COALESCE(l.reply_department_id, l.lead_department_id) AS department_id,
            l.masked_title, l.masked_body, l.masked_reply, l.received_at, l.replied_at, l.published_at""";
    private static final String FILTER = """
            WHERE l.published
              AND (CAST(:department AS bigint) IS NULL OR COALESCE(l.reply_department_id, l.lead_department_id) = :department)
              AND (CAST(:kind AS varchar) IS NULL OR l.kind = :kind)
              AND (CAST(:from AS timestamptz) IS NULL OR (l.received_at >= :from AND l.received_at < :to))""";

    private final DatabaseClient db;

    PublicationStore(DatabaseClient db) {
        this.db = db;
    }

    /** The masked texts as stored: null title when the letter has never been masked. */
    record Masked(boolean published, Instant publishedAt, String title, String body, String reply) {
    }

    /** A published letter as anyone may see it. */
    record Published(long id, LetterKind kind, String mailbox, Long mailboxDepartmentId, Long departmentId, String title,
            String body, String reply, Instant receivedAt, Instant repliedAt, Instant publishedAt) {
    }

    /** Filters of the public list; null means any. {@code from}/{@code to} bound the month received. */
    record Filter(Long departmentId, LetterKind kind, Instant from, Instant to) {
    }

    Mono<Masked> masked(long id) {
        return db.sql("SELECT published, published_at, masked_title, masked_body, masked_reply FROM mailbox_letter WHERE id = :id")
                .bind("id", id)
                .map(r -> new Masked(Boolean.TRUE.equals(r.get("published", Boolean.class)), r.get("published_at", Instant.class),
                        r.get("masked_title", String.class), r.get("masked_body", String.class), r.get("masked_reply", String.class)))
                .one();
    }

    Mono<Void> publish(long id, String title, String body, String reply, Instant at) {
        var spec = db.sql("""
                UPDATE mailbox_letter SET published = TRUE, published_at = :at, masked_title = :title, masked_body = :body,
                       masked_reply = :reply
                WHERE id = :id""")
                .bind("id", id).bind("at", at).bind("title", title).bind("body", body);
        return (reply == null ? spec.bindNull("reply", String.class) : spec.bind("reply", reply)).then();
    }

    Mono<Void> redact(long id, String title, String body, String reply) {
        var spec = db.sql("UPDATE mailbox_letter SET masked_title = :title, masked_body = :body, masked_reply = :reply WHERE id = :id")
                .bind("id", id).bind("title", title).bind("body", body);
        return (reply == null ? spec.bindNull("reply", String.class) : spec.bind("reply", reply)).then();
    }

    /** Withdraws a letter; the masked copies go too, so a later publication masks the current texts afresh. */
    Mono<Void> unpublish(long id) {
        return db.sql("""
                UPDATE mailbox_letter SET published = FALSE, published_at = NULL, masked_title = NULL, masked_body = NULL,
                       masked_reply = NULL
                WHERE id = :id""").bind("id", id).then();
    }

    Flux<Published> page(Filter f, long offset, int limit) {
        return bind(db.sql("SELECT " + PUBLIC_COLUMNS + " FROM mailbox_letter l " + FILTER
                + " ORDER BY l.published_at DESC, l.id DESC LIMIT :limit OFFSET :offset"), f)
                .bind("limit", limit).bind("offset", offset).map(PublicationStore::row).all();
    }

    Mono<Long> count(Filter f) {
        return bind(db.sql("SELECT count(*) FROM mailbox_letter l " + FILTER), f).map(r -> r.get(0, Long.class)).one();
    }

    Mono<Published> published(long id) {
        return db.sql("SELECT " + PUBLIC_COLUMNS + " FROM mailbox_letter l WHERE l.id = :id AND l.published")
                .bind("id", id).map(PublicationStore::row).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Filter f) {
        spec = f.departmentId() == null ? spec.bindNull("department", Long.class) : spec.bind("department", f.departmentId());
        spec = f.kind() == null ? spec.bindNull("kind", String.class) : spec.bind("kind", f.kind().code());
        spec = f.from() == null ? spec.bindNull("from", Instant.class) : spec.bind("from", f.from());
        return f.to() == null ? spec.bindNull("to", Instant.class) : spec.bind("to", f.to());
    }

    private static Published row(Readable r) {
        return new Published(r.get("id", Long.class), LetterKind.fromCode(r.get("kind", String.class)), r.get("mailbox", String.class),
                r.get("mailbox_department_id", Long.class), r.get("department_id", Long.class), r.get("masked_title", String.class),
                r.get("masked_body", String.class), r.get("masked_reply", String.class), r.get("received_at", Instant.class),
                r.get("replied_at", Instant.class), r.get("published_at", Instant.class));
    }
}
