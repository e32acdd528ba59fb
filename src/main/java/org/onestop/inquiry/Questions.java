package org.onestop.inquiry;

import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.inquiry.screening.Screening;
import org.onestop.inquiry.screening.SensitiveWords;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserTopicPolicy;
import org.onestop.security.PortalUser;
import org.onestop.security.RedisBuckets;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Netizens' questions and votes. */
@Service
class Questions {

    private final QuestionStore store;
    private final SessionStore sessions;
    private final SessionRoles roles;
    private final SensitiveWords words;
    private final RedisBuckets buckets;
    private final BucketConfiguration perMinute;
    private final InquiryProperties properties;
    private final LivePublisher live;
    private final Clock clock;

    Questions(QuestionStore store, SessionStore sessions, SessionRoles roles, SensitiveWords words, RedisBuckets buckets,
            InquiryProperties properties, LivePublisher live, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.roles = roles;
        this.words = words;
        this.buckets = buckets;
        this.properties = properties;
        this.live = live;
        this.clock = clock;
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
        return sessions.find(sessionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("session", sessionId)))
                .flatMap(session -> session.status().equals("ended") ? Mono.error(ProblemException.state("session_status"))
                        : store.isMuted(sessionId, user.id()))
                .flatMap(muted -> muted ? Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "validation", List.of(),
                        List.of(org.onestop.web.FieldProblem.of("text", "muted")), null)) : store.countByAsker(sessionId, user.id()))
                .flatMap(count -> count >= properties.questionsPerSession()
                        ? Mono.error(new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "validation", List.of(),
                                List.of(org.onestop.web.FieldProblem.of("text", "session_limit")), null))
                        : buckets.take("question:" + user.id(), perMinute))
                .flatMap(probe -> probe.isConsumed() ? Mono.just(probe)
                        : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()))))
                .then(live.write(events -> store.insert(sessionId, user.id(), user.displayName(), anonymous, text,
                                screening.flagged(), clock.instant())
                        .flatMap(store::find)
                        .flatMap(q -> events.append(InquiryTopics.moderation(sessionId), "question.submitted",
                                        new InquiryViews.Submitted(q.id(), q.text(), QuestionViews.asker(q), q.flags(), q.submittedAt()))
                                .then(events.append(UserTopicPolicy.topicOf(user.id()), "question.status",
                                        new InquiryViews.QuestionStatus(q.id(), sessionId, "pending", null)))
                                .thenReturn(new Asked(q.id(), q.status())))));
    }

    Mono<Map<String, Integer>> vote(long questionId, PortalUser user, boolean add) {
        return store.find(questionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("question", questionId)))
                .flatMap(q -> !q.status().equals("approved") ? Mono.error(ProblemException.state("question_status"))
                        : sessions.find(q.sessionId()).flatMap(s -> s.status().equals("ended")
                                ? Mono.<QuestionStore.Row>error(ProblemException.state("session_status")) : Mono.just(q)))
                .flatMap(q -> (add ? store.addVote(questionId, user.id(), clock.instant()) : store.removeVote(questionId, user.id()))
                        .flatMap(votes -> live.changed(InquiryTopics.of(q.sessionId()), "votes", String.valueOf(questionId))
                                .thenReturn(votes))
                        // Voting twice (or withdrawing twice) changes nothing: the same answer comes back.
                        .switchIfEmpty(store.find(questionId).map(QuestionStore.Row::votes)))
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
