package org.onestop.inquiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import org.onestop.mailbox.MailboxCases;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns live questions into mailbox cases, inside the write that decided it (an official marking a
 * question for follow-up, or a moderator ending the session with unanswered questions chosen):
 * the question is marked, the mailbox opens the case with the session's department as lead, the
 * public topic learns the case number ({@code question.followup}) and the asker gets a
 * notification on their own topic.
 */
@Component
class FollowUps {

    private final QuestionStore questions;
    private final MailboxCases mailbox;
    private final AuditTrail audit;
    private final Clock clock;

    FollowUps(QuestionStore questions, MailboxCases mailbox, AuditTrail audit, Clock clock) {
        this.questions = questions;
        this.mailbox = mailbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the cases of these (locked, approved) questions of the session; returns them in order. */
    Mono<List<MailboxCases.QuestionCase>> open(SessionStore.Row session, List<QuestionStore.Row> chosen, PortalUser user,
            LivePublisher.Events events) {
        Instant now = clock.instant();
        List<MailboxCases.FollowUp> followUps = chosen.stream().map(q -> new MailboxCases.FollowUp(q.id(), q.askerId(),
                q.askerName(), session.departmentId(), session.title(), q.text(), q.submittedAt())).toList();
        return Flux.fromIterable(chosen)
                .concatMap(q -> q.followupRequested() ? Mono.empty()
                        : questions.requestFollowup(q.id()).then(audit.record(user.id(), "inquiry.question.followup_requested",
                                "inquiry_question", q.id(), Map.of())))
                .then(mailbox.openFromQuestions(followUps, user.id(), now, events))
                .flatMap(cases -> Flux.range(0, cases.size())
                        .concatMap(i -> announce(session, chosen.get(i), cases.get(i), now, events))
                        .then(Mono.just(cases)));
    }

    private Mono<Void> announce(SessionStore.Row session, QuestionStore.Row q, MailboxCases.QuestionCase c, Instant now,
            LivePublisher.Events events) {
        return events.append(InquiryTopics.of(session.id()), "question.followup",
                        new InquiryViews.FollowUp(q.id(), c.caseNo()))
                .then(new UserNotification("inquiry-followup-" + q.id(), "inquiry.followup",
                        "您在网络问政“" + session.title() + "”中的提问已转为信件办理，编号 " + c.caseNo(),
                        "/me/", now).sendTo(q.askerId(), events))
                .then();
    }
}
