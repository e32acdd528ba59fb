package org.onestop.disclosure.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns rows into views, with the clock's flags as of today on the current calendar. */
@Component("disclosureRequestViewer")
class RequestViewer {

    private final Departments departments;
    private final RequestFileStore files;
    private final WorkingDays workingDays;
    private final Clock clock;

    RequestViewer(Departments departments, RequestFileStore files, WorkingDays workingDays, Clock clock) {
        this.departments = departments;
        this.files = files;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    Mono<List<RequestViews.Summary>> summaries(List<RequestStore.Row> rows) {
        return Mono.zip(workingDays.calendar(), departmentMap()).map(t -> {
            LocalDate today = CityTime.today(clock);
            return rows.stream().map(r -> new RequestViews.Summary(r.id(), r.number(), r.status(),
                    named(t.getT2().get(r.departmentId()), r.departmentId()), r.applicantName(), r.description(),
                    r.delivery(), r.receivedAt(), clock(t.getT1(), r, today), r.outcome())).toList();
        });
    }

    Mono<RequestViews.Detail> detail(RequestStore.Row r, PortalUser user) {
        return Mono.zip(workingDays.calendar(), departments.byId(r.departmentId()).map(d -> named(d, r.departmentId())),
                files.ofRequest(r.id()).collectList()).map(t -> {
                    LegalGround ground = LegalGround.fromCode(r.legalGround());
                    List<RequestViews.File> delivered = t.getT3().stream().map(f -> new RequestViews.File(f.id(), f.fileName(),
                            f.contentType(), f.size(), "/api/disclosure/requests/" + r.id() + "/files/" + f.id())).toList();
                    return new RequestViews.Detail(r.id(), r.number(), r.status(), r.applicantKind(), r.applicantName(),
                            t.getT2(), r.description(), r.documentTitle(), r.documentNumber(), r.purpose(), r.delivery(),
                            r.contactPhone(), r.contactEmail(), r.contactAddress(), r.receivedAt(),
                            clock(t.getT1(), r, CityTime.today(clock)), r.extensionReason(), r.extendedOn(), r.outcome(),
                            ground == null ? null : ground.view(), r.replyText(), r.repliedAt(), delivered,
                            RequestAccess.mayHandle(r, user));
                });
    }

    static RequestViews.Clock clock(WorkingCalendar calendar, RequestStore.Row r, LocalDate today) {
        ReplyClock.Standing s = ReplyClock.standing(calendar, r.effectiveDueOn(), r.repliedOn(), today);
        return new RequestViews.Clock(r.receivedOn(), r.countedFrom(), r.dueOn(), r.extendedDueOn(), r.effectiveDueOn(),
                s.workingDaysLeft(), s.nearlyDue(), s.overdue(), s.onTime());
    }

    private Mono<Map<Long, Department>> departmentMap() {
        return departments.all(null).collect(Collectors.toMap(Department::id, Function.identity()));
    }

    static RequestViews.Named named(Department d, long id) {
        return d == null ? new RequestViews.Named(id, null, null, null)
                : new RequestViews.Named(d.id(), d.code(), d.nameZh(), d.nameEn());
    }
}
