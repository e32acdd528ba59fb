package org.onestop.mailbox;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of the staff queues and the supervision list: open cases by due date, with their latest supervision. */
@Repository
class QueueStore {

    /** A queued case with its latest supervision notice, if any. */
    record Queued(Letter letter, String supervisionNote, Instant supervisedAt) {
    }

    private static final String SELECT = "SELECT " + LetterStore.COLUMNS + """
            , s.note AS supervision_note, s.at AS supervised_at
            FROM mailbox_letter l
            LEFT JOIN LATERAL (SELECT e.note, e.at FROM mailbox_event e WHERE e.letter_id = l.id AND e.type = 'supervised'
                               ORDER BY e.at DESC, e.id DESC LIMIT 1) s ON TRUE
            """;

    /**
     * Clerks: received letters of the city office and accepted letters to dispatch. A department
     * (-1 for none): its mailbox's received letters, and the open cases it leads or co-handles.
     */
    private static final String QUEUE = """
            WHERE (:clerk AND ((l.status = 'received' AND l.triage_department_id IS NULL) OR l.status = 'accepted'))
               OR (l.status = 'received' AND l.triage_department_id = :department)
               OR (l.status IN ('handling', 'awaiting_writer') AND (l.lead_department_id = :department
                   OR EXISTS (SELECT 1 FROM mailbox_cohandler c WHERE c.letter_id = l.id AND c.department_id = :department)))
            """;

    private static final String OVERDUE = """
            WHERE l.status IN ('received', 'accepted', 'handling') AND l.due_on < :today
              AND (CAST(:channel AS varchar) IS NULL OR l.channel = :channel)
            """;

    private final DatabaseClient db;

    QueueStore(DatabaseClient db) {
        this.db = db;
    }

    Flux<Queued> queue(boolean clerk, long department, long offset, int limit) {
        return db.sql(SELECT + QUEUE + "ORDER BY l.due_on NULLS LAST, l.id LIMIT :limit OFFSET :offset")
                .bind("clerk", clerk).bind("department", department).bind("limit", limit).bind("offset", offset)
                .map(r -> new Queued(LetterStore.letter(r), r.get("supervision_note", String.class),
                        r.get("supervised_at", Instant.class)))
                .all();
    }

    Mono<Long> countQueue(boolean clerk, long department) {
        return db.sql("SELECT count(*) FROM mailbox_letter l " + QUEUE).bind("clerk", clerk).bind("department", department)
                .map(r -> r.get(0, Long.class)).one();
    }

    /** Open cases past their due date across departments, the longest overdue first. */
    Flux<Queued> overdue(LocalDate today, Channel channel, long offset, int limit) {
        return channel(db.sql(SELECT + OVERDUE + "ORDER BY l.due_on, l.id LIMIT :limit OFFSET :offset"), channel)
                .bind("today", today).bind("limit", limit).bind("offset", offset)
                .map(r -> new Queued(LetterStore.letter(r), r.get("supervision_note", String.class),
                        r.get("supervised_at", Instant.class)))
                .all();
    }

    Mono<Long> countOverdue(LocalDate today, Channel channel) {
        return channel(db.sql("SELECT count(*) FROM mailbox_letter l " + OVERDUE), channel).bind("today", today)
                .map(r -> r.get(0, Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec channel(DatabaseClient.GenericExecuteSpec spec, Channel channel) {
        return channel == null ? spec.bindNull("channel", String.class) : spec.bind("channel", channel.code());
    }
}
