package org.onestop.inquiry;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserTopicPolicy;
import org.onestop.platform.AuditTrail;
import org.onestop.privacy.PersonalDataMasker;
import org.onestop.security.PortalUser;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Moderators' decisions on questions. Each locks the question, checks its state, records the
 * change with its live events in one transaction, and leaves an audit entry.
 */
@Service
class Moderation {

    private final QuestionStore store;
    private final SessionRoles roles;
    private final Questions questions;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;

    Moderation(QuestionStore store, SessionRoles roles, Questions questions, LivePublisher live, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.roles = roles;
        this.questions = questions;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    /** A moderator's action on one question, run with the question locked. */
    private interface Action {
        Mono<Void> apply(QuestionStore.Row question, LivePublisher.Events events);
    }

    private Mono<InquiryViews.StaffQuestion> act(long questionId, PortalUser user, String auditAction,
            Map<String, Object> detail, Action action) {
        return store.find(questionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("question", questionId)))
                .flatMap(q -> roles.requireModerator(q.sessionId(), user))
                .then(live.write(events -> store.lock(questionId)
                        .flatMap(q -> action.apply(q, events))
                        // Deferred: the action fills in the detail (e.g. the original wording) as it runs.
                        .then(Mono.defer(() -> audit.record(user.id(), auditAction, "inquiry_question", questionId, detail)))
                        .then(store.find(questionId))))
                .map(q -> QuestionViews.staff(q, java.util.List.of()));
    }

    Mono<InquiryViews.StaffQuestion> approve(long questionId, String editedText, PortalUser user) {
        String edited = PlainText.clean(editedText);
        if (edited != null && !edited.isEmpty()) {
            try {
                questions.check(edited);
            } catch (ProblemException e) {
                return Mono.error(e);
            }
        }
        Map<String, Object> detail = new HashMap<>();
        return act(questionId, user, "inquiry.question.approved", detail, (q, events) -> {
            if (!q.status().equals("pending")) {
                return Mono.error(ProblemException.state("question_status"));
            }
            // What goes public never carries a phone or ID number, an address or an introduced name
            // the asker wrote; the original stays with the moderators and in the audit entry.
            String text = PersonalDataMasker.mask(edited == null || edited.isEmpty() ? q.text() : edited).text();
            if (!text.equals(q.originalText())) {
                detail.put("originalText", q.originalText());
                detail.put("publishedText", text);
            }
            QuestionStore.Row published = withText(q, text);
            return store.review(q.id(), "approved", text, null, null, user.id(), clock.instant())
                    .then(events.append(InquiryTopics.of(q.sessionId()), "question.published",
                            QuestionViews.published(published, java.util.List.of())))
                    .then(reviewed(events, q, "approved", null, user))
                    .then();
        });
    }

    Mono<InquiryViews.StaffQuestion> reject(long questionId, String rawReason, PortalUser user) {
        String reason = PlainText.clean(rawReason);
        if (reason == null || PlainText.length(reason) < 2 || PlainText.length(reason) > 200 || PlainText.hasHiddenCharacters(reason, false)) {
            return Mono.error(ProblemException.invalid("reason", "size", 2, 200));
        }
        return act(questionId, user, "inquiry.question.rejected", Map.of("reason", reason), (q, events) ->
                !q.status().equals("pending") ? Mono.error(ProblemException.state("question_status"))
                        : store.review(q.id(), "rejected", q.text(), reason, null, user.id(), clock.instant())
                                .then(reviewed(events, q, "rejected", reason, user)).then());
    }

    Mono<InquiryViews.StaffQuestion> merge(long questionId, Long into, PortalUser user) {
        if (into == null) {
            return Mono.error(ProblemException.invalid("into", "required"));
        }
        return act(questionId, user, "inquiry.question.merged", Map.of("into", into), (q, events) -> {
            if (!q.status().equals("pending") && !q.status().equals("approved")) {
                return Mono.error(ProblemException.state("question_status"));
            }
            return store.lock(into)
                    .filter(target -> target.id() != q.id() && target.sessionId() == q.sessionId()
                            && target.status().equals("approved"))
                    .switchIfEmpty(Mono.error(() -> ProblemException.invalid("into", "merge_target")))
                    .flatMap(target -> store.review(q.id(), "merged", q.text(), null, into, user.id(), clock.instant())
                            .then(store.moveVotes(q.id(), into)))
                    .flatMap(votes -> (q.status().equals("approved")
                            ? events.append(InquiryTopics.of(q.sessionId()), "question.merged",
                                    Map.of("questionId", q.id(), "into", into, "votes", votes)).then()
                            : live.changed(InquiryTopics.of(q.sessionId()), "votes", String.valueOf(into)))
                            .then(reviewed(events, q, "merged", null, user)))
                    .then();
        });
    }

    Mono<InquiryViews.StaffQuestion> pin(long questionId, boolean pinned, PortalUser user) {
        return act(questionId, user, pinned ? "inquiry.question.pinned" : "inquiry.question.unpinned", Map.of(),
                (q, events) -> {
                    if (!q.status().equals("approved")) {
                        return Mono.error(ProblemException.state("question_status"));
                    }
                    String topic = InquiryTopics.of(q.sessionId());
                    // One question is "now answering" at a time: pinning one unpins the others.
                    Mono<Void> others = pinned ? store.unpinOthers(q.sessionId(), q.id())
                            .concatMap(id -> events.append(topic, "question.unpinned", Map.of("questionId", id))).then()
                            : Mono.empty();
                    return others.then(store.setPinned(q.id(), pinned))
                            .then(events.append(topic, pinned ? "question.pinned" : "question.unpinned",
                                    Map.of("questionId", q.id())))
                            .then();
                });
    }

    Mono<InquiryViews.StaffQuestion> hide(long questionId, PortalUser user) {
        return act(questionId, user, "inquiry.question.hidden", Map.of(), (q, events) ->
                !q.status().equals("approved") ? Mono.error(ProblemException.state("question_status"))
                        : store.review(q.id(), "hidden", q.text(), null, null, user.id(), clock.instant())
                                .then(events.append(InquiryTopics.of(q.sessionId()), "question.hidden", Map.of("questionId", q.id())))
                                .then(events.append(UserTopicPolicy.topicOf(q.askerId()), "question.status",
                                        new InquiryViews.QuestionStatus(q.id(), q.sessionId(), "hidden", null)))
                                .then());
    }

    Mono<Void> mute(long sessionId, Long userId, PortalUser moderator) {
        if (userId == null) {
            return Mono.error(ProblemException.invalid("userId", "required"));
        }
        return roles.requireModerator(sessionId, moderator)
                .then(live.write(events -> store.mute(sessionId, userId, moderator.id(), clock.instant())
                        .then(audit.record(moderator.id(), "inquiry.user.muted", "inquiry_session", sessionId,
                                Map.of("userId", userId)))));
    }

    private static Mono<Void> reviewed(LivePublisher.Events events, QuestionStore.Row q, String status, String reason,
            PortalUser by) {
        return events.append(InquiryTopics.moderation(q.sessionId()), "question.reviewed",
                        new InquiryViews.Reviewed(q.id(), status, reason, by.displayName()))
                .then(events.append(UserTopicPolicy.topicOf(q.askerId()), "question.status",
                        new InquiryViews.QuestionStatus(q.id(), q.sessionId(), status, reason)))
                .then();
    }

    private static QuestionStore.Row withText(QuestionStore.Row q, String text) {
        return new QuestionStore.Row(q.id(), q.sessionId(), q.askerId(), q.askerName(), q.anonymous(), q.originalText(),
                text, "approved", q.flags(), null, null, false, q.followupRequested(), q.votes(), q.submittedAt(), null);
    }
}
