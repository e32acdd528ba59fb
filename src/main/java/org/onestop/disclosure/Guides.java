package org.onestop.disclosure;

import java.time.Clock;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Each department's disclosure guide (政府信息公开指南): one page, replaced in place by the
 * department's officials; the audit trail records every change.
 */
@Service
class Guides {

    private final GuideStore store;
    private final ReferenceData reference;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    Guides(GuideStore store, ReferenceData reference, AuditTrail audit, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<DisclosureViews.Guide> get(long departmentId) {
        return reference.get().flatMap(ref -> !ref.departments().containsKey(departmentId)
                ? Mono.error(ProblemException.notFound("department", departmentId))
                : store.find(departmentId)
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("guide", departmentId)))
                        .map(g -> new DisclosureViews.Guide(ref.department(departmentId), g.body(), g.updatedAt())));
    }

    Mono<DisclosureViews.Guide> update(long departmentId, String html, PortalUser user) {
        return reference.get().flatMap(ref -> {
            if (!ref.departments().containsKey(departmentId)) {
                return Mono.error(ProblemException.notFound("department", departmentId));
            }
            if (!user.has(Role.OFFICIAL) || user.departmentId() == null || user.departmentId() != departmentId) {
                return Mono.error(ProblemException.forbidden());
            }
            RichText.Sanitized body = RichText.sanitize(html);
            if (body.text().isEmpty()) {
                return Mono.error(ProblemException.invalid("body", "required"));
            }
            return store.save(departmentId, body.html(), user.id(), clock.instant())
                    .then(audit.record(user.id(), "disclosure.guide.updated", "disclosure_guide", departmentId, Map.of()))
                    .as(tx::transactional)
                    .then(Mono.defer(() -> get(departmentId)));
        });
    }
}
