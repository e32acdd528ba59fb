package org.onestop.mailbox.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creating (published at once, or kept as an unpublished draft), editing and withdrawing
 * consultations, and reading them: the public list and one consultation.
 */
@Service
class Drafts {

    private static final Set<String> STATUSES = Set.of("upcoming", "open", "closed", "concluded");

    private final ConsultationStore store;
    private final CommentStore comments;
    private final AttachmentStore attachments;
    private final Departments departments;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    Drafts(ConsultationStore store, CommentStore comments, AttachmentStore attachments, Departments departments,
            AuditTrail audit, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.comments = comments;
        this.attachments = attachments;
        this.departments = departments;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<ConsultationViews.Detail> create(DraftRequest request, PortalUser user) {
        return Mono.fromCallable(() -> {
            ConsultationAccess.requireSignedIn(user);
            if (user.departmentId() == null || !ConsultationAccess.isDepartmentOfficial(user, user.departmentId())
                    || request.departmentId() != null && !request.departmentId().equals(user.departmentId())) {
                throw ProblemException.forbidden();
            }
            return request.validated(clock.instant());
        }).flatMap(draft -> {
            Instant now = clock.instant();
            boolean unpublished = Boolean.TRUE.equals(request.draft());
            return store.insert(draft, user.departmentId(), user.id(), now, unpublished)
                    .flatMap(id -> audit.record(user.id(), "consultation.created", "consultation", id, Map.of(
                                    "title", draft.title(), "opensAt", draft.opensAt().toString(),
                                    "closesAt", draft.closesAt().toString(), "published", !unpublished))
                            .thenReturn(id))
                    .as(tx::transactional);
        }).flatMap(id -> store.find(id, clock.instant())).flatMap(this::detail);
    }

    /** Rewrites a draft; only before its window opens (or while unpublished), so nobody comments on a text that later changes. */
    Mono<ConsultationViews.Detail> edit(long id, DraftRequest request, PortalUser user) {
        return Mono.fromCallable(() -> {
            ConsultationAccess.requireSignedIn(user);
            return request.validated(clock.instant());
        }).flatMap(draft -> {
            Instant now = clock.instant();
            return store.lock(id, now)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)))
                    .flatMap(row -> {
                        ConsultationAccess.requireDepartmentOfficial(user, row.departmentId());
                        if (request.departmentId() != null && request.departmentId() != row.departmentId()) {
                            return Mono.error(ProblemException.forbidden());
                        }
                        if (!row.status().equals("upcoming") && !row.status().equals("draft")) {
                            return Mono.error(ProblemException.state("consultation.not_editable"));
                        }
                        return store.update(id, draft, now)
                                .then(audit.record(user.id(), "consultation.edited", "consultation", id, changes(row, draft)));
                    })
                    .as(tx::transactional);
        }).then(Mono.defer(() -> store.find(id, clock.instant()))).flatMap(this::detail);
    }

    /** What an edit changed, with the earlier values, for the audit trail. */
    private static Map<String, Object> changes(ConsultationStore.Row before, ConsultationDraft after) {
        Map<String, Object> detail = new HashMap<>();
        if (!before.title().equals(after.title())) {
            detail.put("previousTitle", before.title());
        }
        if (!before.summary().equals(after.summary())) {
            detail.put("previousSummary", before.summary());
        }
        if (!before.body().equals(after.text())) {
            detail.put("textChanged", true);
        }
        if (!before.opensAt().equals(after.opensAt()) || !before.closesAt().equals(after.closesAt())) {
            detail.put("previousWindow", before.opensAt() + "/" + before.closesAt());
        }
        return detail;
    }

    /** Takes a draft down before its window closes; the reason, if given, is kept for the audit. */
    Mono<ConsultationViews.Detail> withdraw(long id, String rawReason, PortalUser user) {
        String reason = PlainText.clean(rawReason);
        String kept = reason == null || reason.isEmpty() ? null : reason;
        if (kept != null && (PlainText.length(kept) > 200 || PlainText.hasHiddenCharacters(kept, false))) {
            return Mono.error(ProblemException.invalid("reason", "size", 0, 200));
        }
        return Mono.defer(() -> {
            ConsultationAccess.requireSignedIn(user);
            Instant now = clock.instant();
            return store.lock(id, now)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)))
                    .flatMap(row -> {
                        ConsultationAccess.requireDepartmentOfficial(user, row.departmentId());
                        if (!row.status().equals("draft") && !row.status().equals("upcoming") && !row.status().equals("open")) {
                            return Mono.error(ProblemException.state("consultation.not_withdrawable"));
                        }
                        Map<String, Object> detail = new HashMap<>();
                        detail.put("statusBefore", row.status());
                        if (kept != null) {
                            detail.put("reason", kept);
                        }
                        return store.withdraw(id, kept, user.id(), now)
                                .then(audit.record(user.id(), "consultation.withdrawn", "consultation", id, detail));
                    })
                    .as(tx::transactional);
        }).then(Mono.defer(() -> store.find(id, clock.instant()))).flatMap(this::detail);
    }

    /** One consultation; a withdrawn one only for its department's staff and moderators, a draft only for its officials. */
    Mono<ConsultationViews.Detail> get(long id, PortalUser user) {
        return visible(id, user).flatMap(this::detail);
    }

    /** The consultation as this caller may see it, or not found. */
    Mono<ConsultationStore.Row> visible(long id, PortalUser user) {
        return store.find(id, clock.instant())
                .filter(row -> ConsultationAccess.maySee(user, row.departmentId(), row.publishedAt() != null, row.status()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("consultation", id)));
    }

    Mono<PageResponse<ConsultationViews.Summary>> list(String status, Long departmentId, PageQuery page) {
        if (status != null && !status.isEmpty() && !STATUSES.contains(status)) {
            return Mono.error(ProblemException.invalid("status", "invalid"));
        }
        String s = status == null || status.isEmpty() ? null : status;
        Instant now = clock.instant();
        return departments.all(null).collectMap(Department::id)
                .flatMap(byId -> store.page(s, departmentId, now, page.offset(), page.size())
                        .map(row -> summary(row, byId.get(row.departmentId())))
                        .collectList())
                .zipWith(store.count(s, departmentId, now),
                        (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
    }

    private static ConsultationViews.Summary summary(ConsultationStore.Row row, Department department) {
        return new ConsultationViews.Summary(row.id(), row.title(), row.summary(), row.departmentId(),
                department == null ? null : department.nameZh(), department == null ? null : department.nameEn(),
                row.status(), row.opensAt(), row.closesAt(), row.approvedComments());
    }

    Mono<ConsultationViews.Detail> detail(ConsultationStore.Row row) {
        Mono<ConsultationViews.Feedback> feedback = row.feedbackPublishedAt() == null ? Mono.empty()
                : comments.decisionCounts(row.id()).map(c -> new ConsultationViews.Feedback(row.feedback(),
                        row.feedbackPublishedAt(), new ConsultationViews.Counts(c[0], c[1], c[2], c[3], c[0] - c[1] - c[2] - c[3])));
        return Mono.zip(departments.byId(row.departmentId()), feedback.map(Optional::of).defaultIfEmpty(Optional.empty()),
                        attachments.of(row.id()).map(AttachmentStore.Attachment::view).collectList())
                .map(t -> new ConsultationViews.Detail(row.id(), row.title(), row.summary(), row.body(), row.departmentId(),
                        t.getT1().nameZh(), t.getT1().nameEn(), row.status(), row.opensAt(), row.closesAt(),
                        row.publishedAt(), row.updatedAt(), row.approvedComments(), t.getT2().orElse(null), t.getT3()));
    }
}
