package org.onestop.mailbox;

import org.onestop.account.AccountDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Inserts generated demo letters fast: each statement inserts a batch of rows from arrays
 * ({@code INSERT ... SELECT FROM unnest(...)}), then their public timeline entries are derived in
 * two statements. Demo letters are written by one disabled account made for them, so no real
 * account's "my letters" fills up with thousands of letters.
 */
@Component
class DemoLetterLoader {

    static final int BATCH = 2_000;

    private final DatabaseClient db;
    private final AccountDirectory accounts;

    DemoLetterLoader(DatabaseClient db, AccountDirectory accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    Mono<Boolean> loaded() {
        return db.sql("SELECT EXISTS (SELECT 1 FROM mailbox_letter WHERE tracking_number LIKE :p)")
                .bind("p", DemoLetters.PREFIX + "%").map(r -> r.get(0, Boolean.class)).one();
    }

    Mono<Void> load(List<DemoLetters.Generated> letters, String queryCodeHash) {
        return writer().flatMap(writer -> Flux.fromIterable(letters).buffer(BATCH)
                        .concatMap(batch -> insert(batch, writer, queryCodeHash)).then())
                .then(db.sql("""
                        INSERT INTO mailbox_event (letter_id, type, public, at)
                        SELECT id, 'received', TRUE, received_at FROM mailbox_letter WHERE tracking_number LIKE :p
                        UNION ALL
                        SELECT id, 'replied', TRUE, replied_at FROM mailbox_letter WHERE tracking_number LIKE :p AND replied_at IS NOT NULL""")
                        .bind("p", DemoLetters.PREFIX + "%").then());
    }

    /** The demo letters' writer: a disabled account owned by the account feature, so no real user's letters fill up. */
    private Mono<Long> writer() {
        return accounts.demoOwner("demo_letters", "演示来信人");
    }

    private Mono<Void> insert(List<DemoLetters.Generated> batch, long writer, String hash) {
        int n = batch.size();
        String[] numbers = new String[n], kinds = new String[n], titles = new String[n], bodies = new String[n], names = new String[n],
                statuses = new String[n], steps = new String[n], replies = new String[n], maskedTitles = new String[n],
                maskedBodies = new String[n], maskedReplies = new String[n];
        Boolean[] consents = new Boolean[n], published = new Boolean[n];
        Long[] departments = new Long[n], replyDepartments = new Long[n];
        LocalDate[] dues = new LocalDate[n], replyDues = new LocalDate[n];
        Short[] ratings = new Short[n];
        Instant[] received = new Instant[n], replied = new Instant[n], rated = new Instant[n], closed = new Instant[n],
                ratingDue = new Instant[n], publishedAt = new Instant[n];
        for (int i = 0; i < n; i++) {
            DemoLetters.Generated g = batch.get(i);
            numbers[i] = g.trackingNumber();
            kinds[i] = g.kind().code();
            titles[i] = g.title();
            bodies[i] = g.body();
            names[i] = g.writerName();
            statuses[i] = g.status().code();
            steps[i] = g.status() == Status.HANDLING ? Step.REPLY.code() : null;
            replies[i] = g.replyText();
            consents[i] = g.consent();
            departments[i] = g.departmentId();
            replyDepartments[i] = g.repliedAt() == null ? null : g.departmentId();
            dues[i] = g.dueOn();
            replyDues[i] = g.replyDueOn();
            ratings[i] = g.satisfaction() == null ? null : g.satisfaction().shortValue();
            received[i] = g.receivedAt();
            replied[i] = g.repliedAt();
            rated[i] = g.ratedAt();
            closed[i] = g.closedAt();
            ratingDue[i] = g.ratingDueAt();
            published[i] = g.published();
            publishedAt[i] = g.published() ? g.closedAt() : null;
            maskedTitles[i] = g.maskedTitle();
            maskedBodies[i] = g.maskedBody();
            maskedReplies[i] = g.maskedReply();
        }
        return db.sql("""
                INSERT INTO mailbox_letter (tracking_number, query_code_hash, mailbox, kind, title, body, consent_to_publish,
                    contact_preference, writer_id, writer_name, status, lead_department_id, step, due_on, reply_text,
                    reply_department_id, reply_due_on, satisfaction, received_at, accepted_at, dispatched_at, replied_at, rated_at,
                    closed_at, rating_due_at, published, published_at, masked_title, masked_body, masked_reply)
                SELECT t.number, :hash, 'mayor', t.kind, t.title, t.body, t.consent, 'sms', :writer, t.name, t.status, t.department,
                    t.step, t.due, t.reply, t.reply_department, t.reply_due, t.rating, t.received, t.received, t.received, t.replied,
                    t.rated, t.closed, t.rating_due, t.published, t.published_at, t.masked_title, t.masked_body, t.masked_reply
                FROM unnest(CAST(:numbers AS varchar[]), CAST(:kinds AS varchar[]), CAST(:titles AS varchar[]), CAST(:bodies AS varchar[]),
                    CAST(:consents AS boolean[]), CAST(:names AS varchar[]), CAST(:statuses AS varchar[]), CAST(:departments AS bigint[]),
                    CAST(:steps AS varchar[]), CAST(:dues AS date[]), CAST(:replies AS varchar[]), CAST(:replyDepartments AS bigint[]),
                    CAST(:replyDues AS date[]), CAST(:ratings AS smallint[]), CAST(:received AS timestamptz[]),
                    CAST(:replied AS timestamptz[]), CAST(:rated AS timestamptz[]), CAST(:closed AS timestamptz[]),
                    CAST(:ratingDue AS timestamptz[]), CAST(:published AS boolean[]), CAST(:publishedAt AS timestamptz[]),
                    CAST(:maskedTitles AS text[]), CAST(:maskedBodies AS text[]), CAST(:maskedReplies AS text[]))
                    AS t(number, kind, title, body, consent, name, status, department, step, due, reply, reply_department, reply_due,
                         rating, received, replied, rated, closed, rating_due, published, published_at, masked_title, masked_body,
                         masked_reply)""")
                .bind("hash", hash).bind("writer", writer).bind("numbers", numbers).bind("kinds", kinds).bind("titles", titles)
                .bind("bodies", bodies).bind("consents", consents).bind("names", names).bind("statuses", statuses)
                .bind("departments", departments).bind("steps", steps).bind("dues", dues).bind("replies", replies)
                .bind("replyDepartments", replyDepartments).bind("replyDues", replyDues).bind("ratings", ratings)
                .bind("received", received).bind("replied", replied).bind("rated", rated).bind("closed", closed)
                .bind("ratingDue", ratingDue).bind("published", published).bind("publishedAt", publishedAt)
                .bind("maskedTitles", maskedTitles).bind("maskedBodies", maskedBodies).bind("maskedReplies", maskedReplies)
                .then();
    }
}
