package org.onestop.inquiry;

import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.inquiry.screening.Screening;
import org.onestop.inquiry.screening.SensitiveWords;
import org.onestop.live.EventDraft;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserTopicPolicy;
import org.onestop.security.PortalUser;
import org.onestop.platform.GroupCommit;
import org.onestop.security.RedisBuckets;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Netizens' questions and votes. */
@Service
class Questions {

    private final QuestionStore store;
    private final SessionRoles roles;
    private final SensitiveWords words;
    private final RedisBuckets buckets;
    private final BucketConfiguration perMinute;
    private final InquiryProperties properties;
    private final LivePublisher live;
    private final Clock clock;
    private final GroupCommit<QuestionStore.NewQuestion, Asked> intake;

    Questions(QuestionStore store, SessionRoles roles, SensitiveWords words, RedisBuckets buckets,
            InquiryProperties properties, LivePublisher live, Clock clock) {
        this.store = store;
        this.roles = roles;
        this.words = words;
        this.buckets = buckets;
        this.properties = properties;
        this.live = live;
        this.clock = clock;
        this.intake = new GroupCommit<>(properties.intakeBatch(), properties.intakeQueue(), this::store,
                () -> ProblemException.unavailable("questions"));
        this.perMinute = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.questionsPerMinute())
                        .refillGreedy(properties.questionsPerMinute(), Duration.ofMinutes(1)))
                .build();
    }

    record Asked(long id, String status) {
    }

    /** Checks a question's wording: 5 to 500 characters of plain text, and no blocked word. */
    Screening check(String text) {
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("text", "required");
        }
        if (PlainText.length(text) < 5 || PlainText.length(text) > 500) {
            throw ProblemException.invalid("text", "size", 5, 500);
        }
        if (PlainText.hasHiddenCharacters(text, true)) {
            throw ProblemException.invalid("text", "hidden_characters");
        }
        Screening screening = words.screen(text);
        if (screening.isBlocked()) {
            throw ProblemException.invalid("text", "blocked_word", String.join("、", screening.blocked()));
        }
        return screening;
    }

    Mono<Asked> ask(long sessionId, String rawText, boolean anonymous, PortalUser user) {
        String text = PlainText.clean(rawText);
        Screening screening;
        try {
            screening = check(text);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return store.admission(sessionId, user.id())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("session", sessionId)))
                .flatMap(admission -> {
                    if (admission.sessionStatus().equals("ended")) {
                        return Mono.error(ProblemException.state("session_status"));
                    }
                    if (admission.muted()) {
                        return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "validation", List.of(),
                                List.of(FieldProblem.of("text", "muted")), null));
                    }
                    if (admission.asked() >= properties.questionsPerSession()) {
                        return Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "validation", List.of(),
                                List.of(FieldProblem.of("text", "session_limit")), null));
                    }
                    return buckets.take("question:" + user.id(), perMinute);
                })
                .flatMap(probe -> probe.isConsumed()
                        ? intake.submit(new QuestionStore.NewQuestion(sessionId, user.id(), user.displayName(), anonymous, text,
                                screening.flagged()))
                        : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    /**
     * Stores a batch of admitted questions and their events in one transaction: the questions in
     * one statement, the moderation and asker events in two more, however many questions the batch
     * holds (see {@link GroupCommit}).
     */
    private Mono<List<Asked>> store(List<QuestionStore.NewQuestion> batch) {
        // Microseconds, as PostgreSQL stores them: the event says what a later read will say.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return live.write(events -> store.insertAll(batch, now).flatMap(ids -> {
            List<EventDraft> drafts = new ArrayList<>(batch.size() * 2);
            List<Asked> asked = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                QuestionStore.NewQuestion q = batch.get(i);
                long id = ids.get(i);
                drafts.add(new EventDraft(InquiryTopics.moderation(q.sessionId()), "question.submitted",
                        new InquiryViews.Submitted(id, q.text(), new InquiryViews.Asker(q.askerId(), q.askerName(), q.anonymous()),
                                q.flags(), now)));
                drafts.add(new EventDraft(UserTopicPolicy.topicOf(q.askerId()), "question.status",
                        new InquiryViews.QuestionStatus(id, q.sessionId(), "pending", null)));
                asked.add(new Asked(id, "pending"));
            }
            return events.appendAll(drafts).thenReturn(asked);
        }));
    }

    Mono<Map<String, Integer>> vote(long questionId, PortalUser user, boolean add) {
        return store.votable(questionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("question", questionId)))
                .flatMap(q -> !q.status().equals("approved") ? Mono.error(ProblemException.state("question_status"))
                        : q.sessionStatus().equals("ended") ? Mono.error(ProblemException.state("session_status"))
                        : (add ? store.addVote(questionId, user.id(), clock.instant()) : store.removeVote(questionId, user.id()))
                                .flatMap(votes -> live.changed(InquiryTopics.of(q.sessionId()), "votes", String.valueOf(questionId))
                                        .thenReturn(votes))
                                // Voting twice (or withdrawing twice) changes nothing: the same answer comes back.
                                .switchIfEmpty(store.votes(questionId)))
                .map(votes -> Map.of("votes", votes));
    }

    Mono<List<InquiryViews.StaffQuestion>> forStaff(long sessionId, String status, PortalUser user) {
        Set<String> statuses = switch (status == null ? "pending" : status) {
            case "pending" -> Set.of("pending");
            case "approved" -> Set.of("approved");
            case "all" -> Set.of("pending", "approved", "rejected", "merged", "hidden");
            default -> throw ProblemException.invalid("status", "invalid");
        };
        return roles.requireStaff(sessionId, user)
                .then(store.bySession(sessionId, statuses).collectList())
                .flatMap(rows -> QuestionViews.answersOf(store, rows)
                        .map(answers -> rows.stream().map(q -> QuestionViews.staff(q, answers.getOrDefault(q.id(), List.of()))).toList()));
    }
}
