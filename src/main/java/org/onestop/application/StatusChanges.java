package org.onestop.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What every status change writes with it, in its transaction: the timeline entry, the audit
 * entry, and a notification on the applicant's user topic (and on the enterprise's, when filed for
 * one), so the applicant hears of it exactly when it is committed.
 */
@Component
class StatusChanges {

    static final String KIND = "application.status";

    private final ApplicationStore store;
    private final AuditTrail audit;

    StatusChanges(ApplicationStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    Mono<Void> record(LivePublisher.Events events, ApplicationStore.Row row, String number, Status to, PortalUser actor,
            String note, Instant at) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("number", number);
        detail.put("from", row.status().code());
        detail.put("to", to.code());
        if (note != null) {
            detail.put("note", note);
        }
        String title = "您的申请「%s」（%s）%s".formatted(row.serviceName(), number, to.zh());
        UserNotification notice = new UserNotification("application-%d-%s-%d".formatted(row.id(), to.code(), at.toEpochMilli()),
                KIND, title, "/servicehall/application.html?id=" + row.id(), at);
        Flux<Long> told = row.enterpriseId() == null || row.enterpriseId() == row.applicantId()
                ? Flux.just(row.applicantId()) : Flux.just(row.applicantId(), row.enterpriseId());
        return store.step(row.id(), to, actor.id(), actor.displayName(), note, at)
                .then(told.concatMap(user -> notice.sendTo(user, events)).then())
                .then(audit.record(actor.id(), "application." + to.code(), "application", row.id(), detail));
    }
}
