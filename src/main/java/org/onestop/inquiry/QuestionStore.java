package org.onestop.inquiry;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of questions, votes, answers and mutes. */
@Repository
class QuestionStore {

    record Row(long id, long sessionId, long askerId, String askerName, boolean anonymous, String originalText,
            String text, String status, List<String> flags, String reason, Long mergedInto, boolean pinned,
            boolean followupRequested, int votes, Instant submittedAt, Instant publishedAt) {
    }

    record AnswerRow(long id, long questionId, long officialId, String officialName, String officialTitle,
            String department, String text, Instant postedAt, Instant editedAt) {
    }

    private static final String SELECT = """
            SELECT id, session_id, asker_id, asker_name, anonymous, original_text, text, status, flags, reason,
                   merged_into, pinned, followup_requested, votes, submitted_at, published_at
            FROM inquiry_question""";
    private static final String SELECT_ANSWER = """
            SELECT id, question_id, official_id, official_name, official_title, department, text, posted_at, edited_at
            FROM inquiry_answer""";

    private final DatabaseClient db;

    QuestionStore(DatabaseClient db) {
        this.db = db;
    }

    /** A question about to be stored: checked and screened, not yet given its id. */
    record NewQuestion(long sessionId, long askerId, String askerName, boolean anonymous, String text, List<String> flags) {
    }

    /** What decides whether a user may ask in a session: its status, a mute, the questions asked so far. */
    record Admission(String sessionStatus, boolean muted, long asked) {
    }

    /** The admission facts in one round trip; empty when the session does not exist. */
    Mono<Admission> admission(long sessionId, long askerId) {
        return db.sql("""
                SELECT s.status,
                       EXISTS (SELECT 1 FROM inquiry_mute m WHERE m.session_id = s.id AND m.user_id = :a) AS muted,
                       (SELECT count(*) FROM inquiry_question q WHERE q.session_id = s.id AND q.asker_id = :a) AS asked
                FROM inquiry_session s WHERE s.id = :s""")
                .bind("s", sessionId).bind("a", askerId)
                .map(r -> new Admission(r.get("status", String.class), r.get("muted", Boolean.class), r.get("asked", Long.class)))
                .one();
    }

    /**
     * Inserts pending questions in one statement and returns their ids in the given order. The ids
     * are drawn per input row in a CTE that the statement reads twice, so PostgreSQL materialises
     * it and each row keeps the one id it drew.
     */
    Mono<List<Long>> insertAll(List<NewQuestion> questions, Instant now) {
        return db.sql("""
                WITH input AS (
                    SELECT nextval('inquiry_question_id_seq') AS id, q.*
                    FROM unnest(CAST(:sessions AS bigint[]), CAST(:askers AS bigint[]), CAST(:names AS varchar[]),
                                CAST(:anonymous AS boolean[]), CAST(:texts AS varchar[]), CAST(:flags AS text[]))
                         WITH ORDINALITY AS q (session_id, asker_id, asker_name, anonymous, text, flags, ord)),
                stored AS (
                    INSERT INTO inquiry_question (id, session_id, asker_id, asker_name, anonymous, original_text, text, status, flags, submitted_at)
                    SELECT id, session_id, asker_id, asker_name, anonymous, text, text, 'pending',
                           string_to_array(flags, chr(31)), :now
                    FROM input)
                SELECT id FROM input ORDER BY ord""")
                .bind("sessions", questions.stream().map(NewQuestion::sessionId).toArray(Long[]::new))
                .bind("askers", questions.stream().map(NewQuestion::askerId).toArray(Long[]::new))
                .bind("names", questions.stream().map(NewQuestion::askerName).toArray(String[]::new))
                .bind("anonymous", questions.stream().map(NewQuestion::anonymous).toArray(Boolean[]::new))
                .bind("texts", questions.stream().map(NewQuestion::text).toArray(String[]::new))
                .bind("flags", questions.stream().map(q -> joinFlags(q.flags())).toArray(String[]::new))
                .bind("now", now)
                .map(r -> r.get(0, Long.class))
                .all()
                .collectList();
    }

    /**
     * A question's flags (screening words) travel as one string per question, joined by the unit
     * separator U+001F, which no screening word contains: SQL arrays cannot be ragged.
     */
    private static String joinFlags(List<String> flags) {
        if (flags.stream().anyMatch(flag -> flag.indexOf('\u001f') >= 0)) {
            throw new IllegalArgumentException("a flag contains U+001F");
        }
        return String.join("\u001f", flags);
    }

    Mono<Row> find(long id) {
        return db.sql(SELECT + " WHERE id = :id").bind("id", id).map(QuestionStore::row).one();
    }

    /** The question, locked until the transaction ends: moderation decisions on it happen one at a time. */
    Mono<Row> lock(long id) {
        return db.sql(SELECT + " WHERE id = :id FOR UPDATE").bind("id", id).map(QuestionStore::row).one();
    }

    /** The questions, locked in id order (so two writers locking several never deadlock), until the transaction ends. */
    Flux<Row> lockAll(Collection<Long> ids) {
        return db.sql(SELECT + " WHERE id = ANY(:ids) ORDER BY id FOR UPDATE").bind("ids", ids.toArray(Long[]::new))
                .map(QuestionStore::row).all();
    }

    Flux<Row> bySession(long sessionId, Collection<String> statuses) {
        return db.sql(SELECT + " WHERE session_id = :session AND status = ANY(:statuses)"
                        + " ORDER BY pinned DESC, COALESCE(published_at, submitted_at), id")
                .bind("session", sessionId).bind("statuses", statuses.toArray(String[]::new))
                .map(QuestionStore::row).all();
    }

    Mono<Void> review(long id, String status, String text, String reason, Long mergedInto, long by, Instant at) {
        var spec = db.sql("""
                UPDATE inquiry_question SET status = :status, text = :text, reason = :reason, merged_into = :into,
                       reviewed_by = :by, reviewed_at = :at,
                       published_at = CASE WHEN :status = 'approved' THEN :at ELSE published_at END,
                       pinned = CASE WHEN :status = 'approved' THEN pinned ELSE FALSE END
                WHERE id = :id""")
                .bind("status", status).bind("text", text).bind("by", by).bind("at", at).bind("id", id);
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        spec = mergedInto == null ? spec.bindNull("into", Long.class) : spec.bind("into", mergedInto);
        return spec.then();
    }

    Mono<Void> setPinned(long id, boolean pinned) {
        return db.sql("UPDATE inquiry_question SET pinned = :p WHERE id = :id").bind("p", pinned).bind("id", id).then();
    }

    /** Unpins every other pinned question of the session and returns their ids. */
    Flux<Long> unpinOthers(long sessionId, long keep) {
        return db.sql("UPDATE inquiry_question SET pinned = FALSE WHERE session_id = :s AND pinned AND id <> :keep RETURNING id")
                .bind("s", sessionId).bind("keep", keep).map(r -> r.get(0, Long.class)).all();
    }

    Mono<Void> requestFollowup(long id) {
        return db.sql("UPDATE inquiry_question SET followup_requested = TRUE WHERE id = :id").bind("id", id).then();
    }

    /**
     * Adds a vote and counts it in one statement; returns the new count, or empty when this user
     * had already voted. One statement is atomic without a transaction around it.
     */
    Mono<Integer> addVote(long questionId, long userId, Instant at) {
        return db.sql("""
                WITH added AS (
                    INSERT INTO inquiry_vote (question_id, user_id, created_at) VALUES (:q, :u, :at)
                    ON CONFLICT DO NOTHING RETURNING question_id)
                UPDATE inquiry_question SET votes = votes + 1 WHERE id = :q AND EXISTS (SELECT 1 FROM added)
                RETURNING votes""")
                .bind("q", questionId).bind("u", userId).bind("at", at)
                .map(r -> r.get(0, Integer.class)).one();
    }

    /** Removes a vote and uncounts it in one statement; returns the new count, or empty when this user had not voted. */
    Mono<Integer> removeVote(long questionId, long userId) {
        return db.sql("""
                WITH removed AS (DELETE FROM inquiry_vote WHERE question_id = :q AND user_id = :u RETURNING question_id)
                UPDATE inquiry_question SET votes = votes - 1 WHERE id = :q AND EXISTS (SELECT 1 FROM removed)
                RETURNING votes""")
                .bind("q", questionId).bind("u", userId)
                .map(r -> r.get(0, Integer.class)).one();
    }

    /** What decides whether a question takes votes: its status, its session and the session's status. */
    record Votable(long sessionId, String status, String sessionStatus) {
    }

    Mono<Votable> votable(long questionId) {
        return db.sql("""
                SELECT q.session_id, q.status, s.status AS session_status
                FROM inquiry_question q JOIN inquiry_session s ON s.id = q.session_id WHERE q.id = :q""")
                .bind("q", questionId)
                .map(r -> new Votable(r.get("session_id", Long.class), r.get("status", String.class), r.get("session_status", String.class)))
                .one();
    }

    Mono<Integer> votes(long questionId) {
        return db.sql("SELECT votes FROM inquiry_question WHERE id = :q").bind("q", questionId)
                .map(r -> r.get(0, Integer.class)).one();
    }

    /** Moves a merged question's votes to its target, each voter once; returns the target's new count. */
    Mono<Integer> moveVotes(long from, long into) {
        return db.sql("""
                INSERT INTO inquiry_vote (question_id, user_id, created_at)
                SELECT :into, user_id, created_at FROM inquiry_vote WHERE question_id = :from
                ON CONFLICT DO NOTHING""")
                .bind("into", into).bind("from", from).then()
                .then(db.sql("UPDATE inquiry_question SET votes = (SELECT count(*) FROM inquiry_vote WHERE question_id = :into) WHERE id = :into RETURNING votes")
                        .bind("into", into).map(r -> r.get(0, Integer.class)).one());
    }

    Flux<Row> votesOf(Collection<Long> ids) {
        return db.sql(SELECT + " WHERE id = ANY(:ids)").bind("ids", ids.toArray(Long[]::new)).map(QuestionStore::row).all();
    }

    Mono<Boolean> hasVoted(long questionId, long userId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM inquiry_vote WHERE question_id = :q AND user_id = :u)")
                .bind("q", questionId).bind("u", userId).map(r -> r.get(0, Boolean.class)).one();
    }

    Mono<Void> mute(long sessionId, long userId, long by, Instant at) {
        return db.sql("INSERT INTO inquiry_mute (session_id, user_id, muted_by, muted_at) VALUES (:s, :u, :by, :at) ON CONFLICT DO NOTHING")
                .bind("s", sessionId).bind("u", userId).bind("by", by).bind("at", at).then();
    }

    Mono<Long> insertAnswer(long questionId, long officialId, String name, String title, String department,
            String text, Instant at) {
        var spec = db.sql("""
                INSERT INTO inquiry_answer (question_id, official_id, official_name, official_title, department, text, posted_at)
                VALUES (:q, :o, :name, :title, :department, :text, :at) RETURNING id""")
                .bind("q", questionId).bind("o", officialId).bind("name", name).bind("text", text).bind("at", at);
        spec = title == null ? spec.bindNull("title", String.class) : spec.bind("title", title);
        spec = department == null ? spec.bindNull("department", String.class) : spec.bind("department", department);
        return spec.map(r -> r.get(0, Long.class)).one();
    }

    Mono<AnswerRow> answer(long id) {
        return db.sql(SELECT_ANSWER + " WHERE id = :id").bind("id", id).map(QuestionStore::answerRow).one();
    }

    /** The answer, locked until the transaction ends: edits of it happen one at a time. */
    Mono<AnswerRow> lockAnswer(long id) {
        return db.sql(SELECT_ANSWER + " WHERE id = :id FOR UPDATE").bind("id", id).map(QuestionStore::answerRow).one();
    }

    /** Replaces an answer's text, keeping the earlier wording as a revision. */
    Mono<Void> editAnswer(AnswerRow answer, String text, long by, Instant at) {
        return db.sql("INSERT INTO inquiry_answer_revision (answer_id, text, replaced_at, replaced_by) VALUES (:a, :t, :at, :by)")
                .bind("a", answer.id()).bind("t", answer.text()).bind("at", at).bind("by", by).then()
                .then(db.sql("UPDATE inquiry_answer SET text = :t, edited_at = :at WHERE id = :a")
                        .bind("t", text).bind("at", at).bind("a", answer.id()).then());
    }

    Flux<AnswerRow> answersOf(Collection<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql(SELECT_ANSWER + " WHERE question_id = ANY(:ids) ORDER BY posted_at, id")
                .bind("ids", questionIds.toArray(Long[]::new)).map(QuestionStore::answerRow).all();
    }

    /** received, published, answered, followed up, participants (askers, voters and signed-in viewers). */
    Mono<long[]> stats(long sessionId) {
        return db.sql("""
                SELECT count(*) AS received,
                       count(*) FILTER (WHERE published_at IS NOT NULL) AS published,
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inquiry_answer a WHERE a.question_id = q.id)) AS answered,
                       count(*) FILTER (WHERE followup_requested) AS followed,
                       (SELECT count(*) FROM (
                            SELECT asker_id FROM inquiry_question WHERE session_id = :s
                            UNION SELECT v.user_id FROM inquiry_vote v JOIN inquiry_question vq ON vq.id = v.question_id WHERE vq.session_id = :s
                            UNION SELECT user_id FROM inquiry_viewer WHERE session_id = :s) p) AS participants
                FROM inquiry_question q WHERE q.session_id = :s""")
                .bind("s", sessionId)
                .map(r -> new long[] {r.get("received", Long.class), r.get("published", Long.class),
                        r.get("answered", Long.class), r.get("followed", Long.class), r.get("participants", Long.class)})
                .one();
    }

    private static Row row(Readable r) {
        String[] flags = r.get("flags", String[].class);
        return new Row(r.get("id", Long.class), r.get("session_id", Long.class), r.get("asker_id", Long.class),
                r.get("asker_name", String.class), Boolean.TRUE.equals(r.get("anonymous", Boolean.class)),
                r.get("original_text", String.class), r.get("text", String.class), r.get("status", String.class),
                flags == null ? List.of() : Arrays.asList(flags), r.get("reason", String.class),
                r.get("merged_into", Long.class), Boolean.TRUE.equals(r.get("pinned", Boolean.class)),
                Boolean.TRUE.equals(r.get("followup_requested", Boolean.class)), r.get("votes", Integer.class),
                r.get("submitted_at", Instant.class), r.get("published_at", Instant.class));
    }

    private static AnswerRow answerRow(Readable r) {
        return new AnswerRow(r.get("id", Long.class), r.get("question_id", Long.class), r.get("official_id", Long.class),
                r.get("official_name", String.class), r.get("official_title", String.class),
                r.get("department", String.class), r.get("text", String.class), r.get("posted_at", Instant.class),
                r.get("edited_at", Instant.class));
    }
}
