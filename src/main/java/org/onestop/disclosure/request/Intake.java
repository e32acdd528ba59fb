package org.onestop.disclosure.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.onestop.account.Departments;
import org.onestop.live.LivePublisher;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Making an application: the request, its number, its clock, the applicant's notification and
 * the audit entry are stored in one transaction.
 */
@Service("disclosureRequestIntake")
class Intake {

    private final RequestStore store;
    private final Departments departments;
    private final WorkingDays workingDays;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;

    Intake(RequestStore store, Departments departments, WorkingDays workingDays, LivePublisher live, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.departments = departments;
        this.workingDays = workingDays;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<RequestViews.Submitted> apply(ApplyRequest body, PortalUser user) {
        if (!RequestAccess.mayApply(user)) {
            return Mono.error(ProblemException.forbidden());
        }
        return Mono.fromCallable(() -> RequestForms.application(body))
                .flatMap(a -> departments.byId(a.departmentId())
                        .switchIfEmpty(Mono.error(() -> ProblemException.invalid("departmentId", "unknown_department")))
                        .then(workingDays.calendar())
                        .flatMap(calendar -> store(a, user, calendar)));
    }

    private Mono<RequestViews.Submitted> store(RequestForms.Application a, PortalUser user, WorkingCalendar calendar) {
        Instant now = now();
        ReplyClock.Start start = ReplyClock.start(calendar, now);
        ReplyClock.Standing standing = ReplyClock.standing(calendar, start.dueOn(), null, start.receivedOn());
        int year = start.receivedOn().getYear();
        String kind = user.has(Role.ENTERPRISE) ? "enterprise" : "citizen";
        var row = new RequestStore.NewRequest(user.id(), kind, user.displayName(), a.departmentId(), a.description(),
                a.documentTitle(), a.documentNumber(), a.purpose(), a.delivery(), a.contactPhone(), a.contactEmail(),
                a.contactAddress(), now, start);
        return live.write(events -> store.nextSerial(year).map(serial -> "YSQ%d-%06d".formatted(year, serial))
                .flatMap(number -> store.insert(number, row).flatMap(id -> RequestNotices
                        .send(events, user.id(), id, "received", "您的政府信息公开申请已收到，编号 " + number
                                + "，答复期限为 " + start.dueOn(), now)
                        .then(audit.record(user.id(), "disclosure.request.submitted", "disclosure_request", id,
                                Map.of("number", number, "departmentId", a.departmentId())))
                        .thenReturn(new RequestViews.Submitted(id, number, "received", new RequestViews.Clock(
                                start.receivedOn(), start.countedFrom(), start.dueOn(), null, start.dueOn(),
                                standing.workingDaysLeft(), standing.nearlyDue(), standing.overdue(), null))))));
    }

    /** Now, at the database's precision, so a stored instant reads back equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
