package org.onestop.mailbox;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of reply templates (seeded reference data). */
@Repository
class TemplateStore {

    private final DatabaseClient db;

    TemplateStore(DatabaseClient db) {
        this.db = db;
    }

    Flux<MailboxViews.Template> ofKind(LetterKind kind) {
        return db.sql("SELECT id, kind, name, body FROM mailbox_reply_template WHERE kind = :kind ORDER BY sort_order, id")
                .bind("kind", kind.code()).map(TemplateStore::template).all();
    }

    Mono<MailboxViews.Template> find(long id) {
        return db.sql("SELECT id, kind, name, body FROM mailbox_reply_template WHERE id = :id").bind("id", id)
                .map(TemplateStore::template).one();
    }

    private static MailboxViews.Template template(Readable r) {
        return new MailboxViews.Template(r.get("id", Long.class), r.get("kind", String.class), r.get("name", String.class),
                r.get("body", String.class));
    }
}
