package org.onestop.mailbox.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A department's own side of its consultations: the list of all of them (unpublished drafts and
 * withdrawn ones too, with the comments waiting for review) and publishing a draft.
 */
@Service
class DepartmentConsultations {

    private final ConsultationStore store;
    private final CommentStore comments;
    private final Drafts drafts;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    DepartmentConsultations(ConsultationStore store, CommentStore comments, Drafts drafts, AuditTrail audit,
            TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.comments = comments;
        this.drafts = drafts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The consultations of the caller's department; only its officials have one. */
    Mono<PageResponse<ConsultationViews.DepartmentItem>> list(PortalUser user, PageQuery page) {
        return Mono.defer(() -> {
            ConsultationAccess.requireSignedIn(user);
            if (user.departmentId() == null || !user.has(Role.OFFICIAL)) {
                return Mono.error(ProblemException.forbidden());
            }
            long department = user.departmentId();
            return store.ofDepartment(department, clock.instant(), page.offset(), page.size()).collectList()
                    .flatMap(rows -> pending(rows).map(counts -> rows.stream().map(r -> new ConsultationViews.DepartmentItem(
                            r.id(), r.title(), r.status(), r.opensAt(), r.closesAt(), r.createdAt(), r.publishedAt(),
                            r.approvedComments(), counts.getOrDefault(r.id(), 0L))).toList()))
                    .zipWith(store.countOfDepartment(department),
                            (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
        });
    }

    private Mono<Map<Long, Long>> pending(List<ConsultationStore.Row> rows) {
        if (rows.isEmpty()) {
            return Mono.just(Map.of());
        }
        return comments.pendingCounts(rows.stream().map(ConsultationStore.Row::id).toList()).collectMap(c -> c[0], c -> c[1]);
    }

    /**
     * Makes a draft public. Its window must not have opened already: people would have had less
     * time to comment than announced, so the official sets new dates first.
     */
    Mono<ConsultationViews.Detail> publish(long id, PortalUser user) {
        return Mono.defer(() -> {
            ConsultationAccess.requireSignedIn(user);
            Instant now = clock.instant();
            return store.lock(id, now)
                    .filter(row -> ConsultationAccess.maySee(user, row.departmentId(), row.publishedAt() != null, row.status()))
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)))
                    .flatMap(row -> {
                        ConsultationAccess.requireDepartmentOfficial(user, row.departmentId());
                        if (!row.status().equals("draft")) {
                            return Mono.error(ProblemException.state("consultation.not_draft"));
                        }
                        if (row.opensAt().isBefore(now.minus(DraftRequest.CLOCK_SLACK))) {
                            return Mono.error(ProblemException.invalid("opensAt", "consultation.opens_in_past"));
                        }
                        return store.publish(id, user.id(), now)
                                .then(audit.record(user.id(), "consultation.published", "consultation", id, Map.of(
                                        "title", row.title(), "opensAt", row.opensAt().toString(),
                                        "closesAt", row.closesAt().toString())));
                    })
                    .as(tx::transactional);
        }).then(Mono.defer(() -> store.find(id, clock.instant()))).flatMap(drafts::detail);
    }
}
