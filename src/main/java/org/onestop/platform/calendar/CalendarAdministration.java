package org.onestop.platform.calendar;

import java.util.List;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Admins publish, correct and withdraw a year's calendar. Each edit is audited with the days before
 * and after it, because a changed holiday moves the deadlines of every open case.
 */
@Service
class CalendarAdministration {

    private final CalendarStore store;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final TransactionalOperator tx;

    CalendarAdministration(CalendarStore store, WorkingDays workingDays, AuditTrail audit, TransactionalOperator tx) {
        this.store = store;
        this.workingDays = workingDays;
        this.audit = audit;
        this.tx = tx;
    }

    /** Replaces the year's special days and publishes the year. */
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<CalendarYearView> replace(int year, CalendarChange change, PortalUser admin) {
        return Mono.fromCallable(() -> {
            WorkingDays.checkYear("year", year);
            return change.validated(year);
        }).flatMap(valid -> store.upsertYear(year, valid.note(), admin.id())
                        .thenMany(store.deleteDays(year)).collectList()
                        .flatMap(previous -> store.insertDays(year, valid.days())
                                .then(audit.record(admin.id(), "calendar.replace", "calendar_year", year, Map.of(
                                        "note", valid.note(),
                                        "days", describe(valid.days()),
                                        "previousDays", describe(previous)))))
                        .as(tx::transactional))
                // Only after the commit, or a reload could still read the old days.
                .then(Mono.fromRunnable(workingDays::refresh))
                .then(workingDays.year(year));
    }

    /** Withdraws the year: its working days fall back to plain Monday to Friday. */
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<Void> withdraw(int year, PortalUser admin) {
        return Mono.fromRunnable(() -> WorkingDays.checkYear("year", year))
                .thenMany(store.deleteDays(year)).collectList()
                .flatMap(previous -> store.deleteYear(year)
                        .flatMap(existed -> existed
                                ? audit.record(admin.id(), "calendar.withdraw", "calendar_year", year,
                                        Map.of("previousDays", describe(previous)))
                                : Mono.error(ProblemException.notFound("calendar", year))))
                .as(tx::transactional)
                .then(Mono.fromRunnable(workingDays::refresh));
    }

    private static List<Map<String, String>> describe(List<SpecialDay> days) {
        return days.stream()
                .map(d -> Map.of("date", d.date().toString(), "kind", d.kind().code(), "name", d.name()))
                .toList();
    }
}
