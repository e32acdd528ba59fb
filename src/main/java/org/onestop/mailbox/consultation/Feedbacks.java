package org.onestop.mailbox.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The department's feedback (反馈) after the window closes: an overall text and decisions on
 * approved comments, published once, which concludes the consultation.
 */
@Service
class Feedbacks {

    private final ConsultationStore consultations;
    private final CommentStore comments;
    private final Drafts drafts;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    Feedbacks(ConsultationStore consultations, CommentStore comments, Drafts drafts, AuditTrail audit,
            TransactionalOperator tx, Clock clock) {
        this.consultations = consultations;
        this.comments = comments;
        this.drafts = drafts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<ConsultationViews.Detail> publish(long id, FeedbackRequest request, PortalUser user) {
        return Mono.fromCallable(() -> {
            ConsultationAccess.requireSignedIn(user);
            return request.validated();
        }).flatMap(feedback -> {
            Instant now = clock.instant();
            return consultations.lock(id, now)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)))
                    .flatMap(row -> {
                        ConsultationAccess.requireDepartmentOfficial(user, row.departmentId());
                        return switch (row.status()) {
                            case "closed" -> comments.pendingCount(id).flatMap(pending -> pending > 0
                                    // Every comment is decided on first: none is left pending once the feedback is out.
                                    ? Mono.error(ProblemException.state("consultation.pending_comments"))
                                    : record(id, feedback, user, now));
                            case "concluded" -> Mono.error(ProblemException.state("consultation.concluded"));
                            case "withdrawn" -> Mono.error(ProblemException.state("consultation.withdrawn"));
                            default -> Mono.error(ProblemException.state("consultation.not_closed"));
                        };
                    })
                    .as(tx::transactional);
        }).then(Mono.defer(() -> consultations.find(id, clock.instant()))).flatMap(drafts::detail);
    }

    private Mono<Void> record(long id, FeedbackRequest.Checked feedback, PortalUser user, Instant now) {
        List<Long> ids = feedback.decisions().stream().map(CommentStore.Decision::commentId).toList();
        Mono<Set<Long>> approved = ids.isEmpty() ? Mono.just(Set.of())
                : comments.approvedAmong(id, ids).collectList().map(HashSet::new);
        return approved.flatMap(known -> {
            List<FieldProblem> unknown = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!known.contains(ids.get(i))) {
                    unknown.add(FieldProblem.of("decisions." + i + ".commentId", "consultation.unknown_comment"));
                }
            }
            if (!unknown.isEmpty()) {
                return Mono.error(ProblemException.invalid(unknown));
            }
            return comments.decide(id, feedback.decisions())
                    .then(consultations.publishFeedback(id, feedback.text(), user.id(), now))
                    .then(comments.decisionCounts(id))
                    .flatMap(c -> audit.record(user.id(), "consultation.feedback.published", "consultation", id, Map.of(
                            "approved", c[0], "adopted", c[1], "partlyAdopted", c[2], "notAdopted", c[3])));
        });
    }
}
