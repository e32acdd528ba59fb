package org.onestop.mailbox.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Decisions on pending comments, as on live questions: each locks the comment, checks who acts
 * and the comment's state, records the decision and its audit entry in one transaction.
 */
@Service
class CommentModeration {

    private final CommentStore comments;
    private final ConsultationStore consultations;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    CommentModeration(CommentStore comments, ConsultationStore consultations, AuditTrail audit, TransactionalOperator tx,
            Clock clock) {
        this.comments = comments;
        this.consultations = consultations;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<ConsultationViews.StaffComment> approve(long commentId, PortalUser user) {
        return decide(commentId, user, "approved", null, "consultation.comment.approved", Map.of());
    }

    Mono<ConsultationViews.StaffComment> reject(long commentId, String rawReason, PortalUser user) {
        String reason = PlainText.clean(rawReason);
        if (reason == null || reason.isEmpty()) {
            return Mono.error(ProblemException.invalid("reason", "required"));
        }
        if (PlainText.length(reason) < 2 || PlainText.length(reason) > 200 || PlainText.hasHiddenCharacters(reason, false)) {
            return Mono.error(ProblemException.invalid("reason", "size", 2, 200));
        }
        return decide(commentId, user, "rejected", reason, "consultation.comment.rejected", Map.of("reason", reason));
    }

    private Mono<ConsultationViews.StaffComment> decide(long commentId, PortalUser user, String status, String reason,
            String auditAction, Map<String, Object> detail) {
        return Mono.defer(() -> {
            ConsultationAccess.requireSignedIn(user);
            Instant now = clock.instant();
            return comments.lock(commentId)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("comment", commentId)))
                    .flatMap(comment -> consultations.find(comment.consultationId(), now).flatMap(consultation -> {
                        ConsultationAccess.requireModerator(user, consultation.departmentId());
                        if (consultation.status().equals("withdrawn") || consultation.status().equals("concluded")) {
                            return Mono.error(ProblemException.state("consultation.not_moderatable"));
                        }
                        if (!comment.status().equals("pending")) {
                            return Mono.error(ProblemException.state("consultation.comment_status"));
                        }
                        return comments.review(commentId, status, reason, user.id(), now)
                                .then(audit.record(user.id(), auditAction, "consultation_comment", commentId, detail));
                    }))
                    .as(tx::transactional);
        }).then(Mono.defer(() -> comments.find(commentId))).map(Comments::staff);
    }
}
