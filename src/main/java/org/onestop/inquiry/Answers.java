package org.onestop.inquiry;

import java.time.Clock;
import java.util.Map;
import org.onestop.account.AccountDirectory;
import org.onestop.live.LivePublisher;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Officials' answers, their edits (every earlier wording kept), and follow-up requests. */
@Service
class Answers {

    private final QuestionStore store;
    private final SessionStore sessions;
    private final SessionRoles roles;
    private final AccountDirectory accounts;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;
    private final FollowUps followUps;

    Answers(QuestionStore store, SessionStore sessions, SessionRoles roles, AccountDirectory accounts,
            LivePublisher live, AuditTrail audit, Clock clock, FollowUps followUps) {
        this.store = store;
        this.sessions = sessions;
        this.roles = roles;
        this.accounts = accounts;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
        this.followUps = followUps;
    }

    private static String checkText(String raw) {
        String text = PlainText.clean(raw);
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("text", "required");
        }
        if (PlainText.length(text) > 4000 || PlainText.hasHiddenCharacters(text, true)) {
            throw ProblemException.invalid("text", "size", 1, 4000);
        }
        return text;
    }

    Mono<InquiryViews.Answer> answer(long questionId, String raw, PortalUser official) {
        String text;
        try {
            text = checkText(raw);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return store.find(questionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("question", questionId)))
                .flatMap(q -> roles.requireOfficial(q.sessionId(), official).thenReturn(q))
                .flatMap(q -> sessions.find(q.sessionId()).flatMap(s -> !s.status().equals("live")
                        ? Mono.<QuestionStore.Row>error(ProblemException.state("session_status")) : Mono.just(q)))
                .flatMap(q -> accounts.card(official.id()).flatMap(card -> live.write(events -> store.lock(questionId)
                        .flatMap(locked -> !locked.status().equals("approved") ? Mono.error(ProblemException.state("question_status"))
                                : store.insertAnswer(questionId, official.id(), card.displayName(), card.jobTitle(),
                                        card.departmentName(), text, clock.instant()))
                        .flatMap(store::answer)
                        .map(QuestionViews::answer)
                        .flatMap(answer -> events.append(InquiryTopics.of(q.sessionId()), "answer.posted", answer)
                                .then(audit.record(official.id(), "inquiry.answer.posted", "inquiry_answer", answer.id(),
                                        Map.of("questionId", questionId)))
                                .thenReturn(answer)))));
    }

    Mono<InquiryViews.Answer> edit(long answerId, String raw, PortalUser official) {
        String text;
        try {
            text = checkText(raw);
        } catch (ProblemException e) {
            return Mono.error(e);
        }
        return live.write(events -> store.lockAnswer(answerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("answer", answerId)))
                .flatMap(before -> before.officialId() != official.id() ? Mono.error(ProblemException.forbidden())
                        : store.editAnswer(before, text, official.id(), clock.instant())
                                .then(Mono.zip(store.answer(answerId), store.find(before.questionId())))
                                .flatMap(t -> {
                                    InquiryViews.Answer answer = QuestionViews.answer(t.getT1());
                                    return events.append(InquiryTopics.of(t.getT2().sessionId()), "answer.edited",
                                                    Map.of("id", answer.id(), "questionId", answer.questionId(),
                                                            "text", answer.text(), "editedAt", answer.editedAt()))
                                            .then(audit.record(official.id(), "inquiry.answer.edited", "inquiry_answer",
                                                    answerId, Map.of("previousText", before.text())))
                                            .thenReturn(answer);
                                })));
    }

    /** Marks an approved question for follow-up: it becomes a mailbox case of the session's department at once. */
    Mono<InquiryViews.StaffQuestion> followup(long questionId, PortalUser user) {
        return store.find(questionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("question", questionId)))
                .flatMap(q -> roles.requireStaff(q.sessionId(), user).thenReturn(q))
                .flatMap(q -> live.write(events -> store.lock(questionId)
                        .flatMap(locked -> !locked.status().equals("approved") ? Mono.error(ProblemException.state("question_status"))
                                : locked.followupRequested() ? Mono.just(locked)
                                : sessions.find(locked.sessionId())
                                        .flatMap(session -> followUps.open(session, java.util.List.of(locked), user, events))
                                        .then(store.find(questionId))))
                        .map(r -> QuestionViews.staff(r, java.util.List.of())));
    }
}
