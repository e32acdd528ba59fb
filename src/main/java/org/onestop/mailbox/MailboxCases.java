package org.onestop.mailbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserTopicPolicy;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The mailbox's face to other features. A live question that the session could not settle (an
 * official marked it for follow-up, or it was left unanswered and the moderator chose it when the
 * session ended) becomes a case here: written by its asker, already dispatched to the session's
 * department as lead, in the reply step with that step's deadline. The asker then finds it among
 * their letters; the department in its queue.
 */
@Service
public class MailboxCases {

    /** One live question to follow up, with what the case needs to know about it. */
    public record FollowUp(long questionId, long askerId, String askerName, long departmentId, String sessionTitle,
            String question, Instant askedAt) {
    }

    /** The case of a followed-up question; status is the mailbox's status code. */
    public record QuestionCase(long questionId, long letterId, String caseNo, String status) {
    }

    private static final int NUMBER_DRAWS = 5;
    private static final int TITLE_LENGTH = 50;
    private static final DateTimeFormatter ASKED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CityTime.ZONE);

    private final LetterStore letters;
    private final CaseStore cases;
    private final Tracking tracking;
    private final Deadlines deadlines;
    private final WorkingDays workingDays;
    private final AuditTrail audit;

    MailboxCases(LetterStore letters, CaseStore cases, Tracking tracking, Deadlines deadlines, WorkingDays workingDays,
            AuditTrail audit) {
        this.letters = letters;
        this.cases = cases;
        this.tracking = tracking;
        this.deadlines = deadlines;
        this.workingDays = workingDays;
        this.audit = audit;
    }

    /**
     * Opens a case for each question that has none yet and returns the case of every question, new
     * or earlier, in the given order. Meant to run inside the caller's write: the cases, their
     * timeline entries and audit records commit or roll back with the caller's own change, and the
     * askers' {@code letter.status} events go into the caller's {@code events}, published after
     * that commit. {@code actorId} is the member of staff whose decision opened the cases.
     */
    public Mono<List<QuestionCase>> openFromQuestions(List<FollowUp> followUps, long actorId, Instant now,
            LivePublisher.Events events) {
        if (followUps.isEmpty()) {
            return Mono.just(List.of());
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        LocalDate today = WorkingCalendar.receivedOn(at);
        // One lookup for the cases that already exist, then one insert per question that has none.
        return Mono.zip(workingDays.calendar(), ofQuestions(followUps.stream().map(FollowUp::questionId).toList())
                        .collectMap(QuestionCase::questionId))
                .flatMap(t -> Flux.fromIterable(followUps)
                        .concatMap(f -> t.getT2().containsKey(f.questionId()) ? Mono.just(t.getT2().get(f.questionId()))
                                : open(f, deadlines.due(t.getT1(), Channel.MAILBOX, Step.REPLY, LetterKind.CONSULTATION, today), actorId, at, today,
                                        events))
                        .collectList());
    }

    /** The cases of those questions that have one. */
    public Flux<QuestionCase> ofQuestions(Collection<Long> questionIds) {
        if (questionIds.isEmpty()) {
            return Flux.empty();
        }
        return letters.byQuestions(questionIds)
                .map(c -> new QuestionCase(c.questionId(), c.letterId(), c.trackingNumber(), c.status().code()));
    }

    private Mono<QuestionCase> open(FollowUp f, LocalDate replyDue, long actorId, Instant at, LocalDate today,
            LivePublisher.Events events) {
        // Asking for a code nobody is shown keeps tracking uniform: the asker reads the case
        // signed in, among their own letters.
        return tracking.hash(tracking.code()).flatMap(hash -> {
            var row = new LetterStore.NewFollowUp(f.questionId(), f.departmentId(), title(f.sessionTitle()), body(f),
                    f.askerId(), f.askerName(), hash, replyDue, at);
            return insert(row, today, NUMBER_DRAWS)
                    .flatMap(stored -> cases.add(new CaseStore.NewEntry(stored.letterId(), "received", true, null, null,
                                    f.departmentId(), f.askerId(), f.askerName(), at))
                            .then(cases.add(new CaseStore.NewEntry(stored.letterId(), "dispatched", true, null,
                                    "网络问政问题 " + f.questionId() + " 转办", f.departmentId(), actorId, null, at)))
                            .then(events.append(UserTopicPolicy.topicOf(f.askerId()), "letter.status",
                                    new MailboxViews.LetterStatus(stored.letterId(), stored.caseNo(), Status.HANDLING.code(),
                                            "dispatched", at)))
                            .then(audit.record(actorId, "mailbox.letter.opened_from_question", "mailbox_letter",
                                    stored.letterId(), Map.of("questionId", f.questionId(), "trackingNumber", stored.caseNo(),
                                            "leadDepartmentId", f.departmentId())))
                            .thenReturn(stored));
        });
    }

    /**
     * Inserts under a fresh number, drawing again while the number is taken. The caller holds the
     * question's row lock, so no other case for the same question can appear meanwhile.
     */
    private Mono<QuestionCase> insert(LetterStore.NewFollowUp row, LocalDate today, int drawsLeft) {
        String number = tracking.number(today);
        return letters.insertFollowUp(row, number)
                .map(id -> new QuestionCase(row.questionId(), id, number, Status.HANDLING.code()))
                .switchIfEmpty(Mono.defer(() -> drawsLeft > 1 ? insert(row, today, drawsLeft - 1)
                        : Mono.error(new IllegalStateException("No free tracking number for " + today))));
    }

    private static String title(String sessionTitle) {
        String title = "网络问政跟进：" + sessionTitle;
        return title.codePointCount(0, title.length()) <= TITLE_LENGTH ? title
                : title.substring(0, title.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
    }

    private static String body(FollowUp f) {
        return f.question() + "\n\n（网络问政“" + f.sessionTitle() + "”中的提问，提问时间 " + ASKED.format(f.askedAt())
                + "；会后转为信件办理。）";
    }
}
