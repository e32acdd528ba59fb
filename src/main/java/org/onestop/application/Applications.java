package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onestop.live.LivePublisher;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.platform.storage.FileStore;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.servicehall.ServiceFacts;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applicant's side: drafts, saving data (types checked), submitting and resubmitting after
 * 补正 (everything checked, materials included), deleting drafts, and their own listing. A
 * refused request changes nothing: checks come before the first write of its transaction.
 */
@Service
class Applications {

    private final Forms forms;
    private final ApplicationStore store;
    private final MaterialStore materials;
    private final ApplicationAccess access;
    private final ApplicationDetails details;
    private final StatusChanges changes;
    private final LivePublisher live;
    private final WorkingDays workingDays;
    private final FileStore files;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final JsonMapper json;

    Applications(Forms forms, ApplicationStore store, MaterialStore materials, ApplicationAccess access,
            ApplicationDetails details, StatusChanges changes, LivePublisher live, WorkingDays workingDays, FileStore files,
            TransactionalOperator tx, Clock clock, JsonMapper json) {
        this.forms = forms;
        this.store = store;
        this.materials = materials;
        this.access = access;
        this.details = details;
        this.changes = changes;
        this.live = live;
        this.workingDays = workingDays;
        this.files = files;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
    }

    Mono<ApplicationViews.Detail> create(ApplicationViews.NewRequest request, PortalUser user) {
        if (request == null || request.serviceCode() == null || request.serviceCode().isBlank()) {
            return Mono.error(ProblemException.invalid("serviceCode", "required"));
        }
        return forms.service(request.serviceCode()).flatMap(service -> filedFor(service, request.enterpriseId(), user)
                .flatMap(enterprise -> {
                    Instant now = now();
                    return forms.pin(service).flatMap(form -> store.insert(new ApplicationStore.NewApplication(
                                    service.code(), form.version(), service.nameZh(), service.departmentZh(),
                                    service.departmentId(), user.id(), enterprise.orElse(null), now)))
                            .flatMap(id -> store.step(id, Status.DRAFT, user.id(), user.displayName(), null, now).thenReturn(id))
                            .as(tx::transactional);
                }))
                .flatMap(id -> access.view(id, user)).flatMap(details::detail);
    }

    /**
     * Which enterprise the application is filed for: none for a person's service, the caller for an
     * enterprise account, or the enterprise a colleague names; callers who may not apply are refused.
     */
    private Mono<Optional<Long>> filedFor(ServiceFacts service, Long enterpriseId, PortalUser user) {
        boolean enterpriseService = !service.audience().equals("citizen");
        boolean personService = !service.audience().equals("enterprise");
        if (user.has(Role.ENTERPRISE) && enterpriseService) {
            return Mono.just(Optional.of(user.id()));
        }
        if (user.has(Role.CITIZEN) && enterpriseId != null && enterpriseService) {
            return store.isMember(enterpriseId, user.id()).flatMap(member -> member
                    ? Mono.just(Optional.of(enterpriseId))
                    : Mono.error(ProblemException.invalid("enterpriseId", "application.not_member")));
        }
        if (user.has(Role.CITIZEN) && personService && enterpriseId == null) {
            return Mono.just(Optional.empty());
        }
        return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "forbidden", List.of(),
                List.of(FieldProblem.of("serviceCode", "application.audience")), null));
    }

    Mono<ApplicationViews.Detail> saveData(long id, ApplicationViews.DataRequest request, PortalUser user) {
        return access.asApplicant(access.lock(id, user), id).flatMap(row -> {
            editable(row);
            return forms.version(row.serviceCode(), row.formVersion()).flatMap(form -> {
                FormData.Checked checked = FormData.check(form.definition(), request == null ? null : request.data(), false,
                        details.today());
                if (!checked.problems().isEmpty()) {
                    return Mono.error(ProblemException.invalid(checked.problems()));
                }
                return store.saveData(id, checked.data().toString(), now());
            });
        }).as(tx::transactional).then(access.view(id, user)).flatMap(details::detail);
    }

    Mono<ApplicationViews.Detail> submit(long id, PortalUser user, boolean resubmission) {
        Status expected = resubmission ? Status.SUPPLEMENT_REQUESTED : Status.DRAFT;
        return live.write(events -> access.asApplicant(access.lock(id, user), id).flatMap(row -> {
            if (row.status() != expected) {
                return Mono.error(ProblemException.state("application." + (resubmission ? "not_supplement" : "not_draft")));
            }
            return Mono.zip(forms.version(row.serviceCode(), row.formVersion()), materials.of(id).collectList(),
                    forms.service(row.serviceCode()), workingDays.calendar()).flatMap(t -> {
                        complete(t.getT1().definition(), row, t.getT2());
                        Instant now = now();
                        var today = WorkingCalendar.receivedOn(now);
                        var due = t.getT4().addWorkingDays(today, t.getT3().promisedDays());
                        Mono<String> number = row.number() != null ? Mono.just(row.number())
                                : store.nextNumber().map(n -> "SQ%s%06d".formatted(today.toString().replace("-", ""), n % 1_000_000));
                        return number.flatMap(no -> store.submit(id, no, due, now)
                                .then(changes.record(events, row, no, Status.SUBMITTED, user, null, now)));
                    });
        })).then(access.view(id, user)).flatMap(details::detail);
    }

    /** Everything a submission needs: required fields of the stored data, and a file for each shown required material. */
    private void complete(FormDefinition definition, ApplicationStore.Row row, List<MaterialStore.Material> uploaded) {
        FormData.Checked checked = FormData.check(definition, json.readTree(row.data()), true, details.today());
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        for (FormDefinition.Slot slot : definition.materials()) {
            if (slot.required() && FormData.visible(slot.visibleWhen(), checked.data())
                    && uploaded.stream().noneMatch(m -> m.materialCode().equals(slot.code()))) {
                problems.add(FieldProblem.of("materials." + slot.code(), "application.material_required", slot.nameZh()));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    Mono<Void> delete(long id, PortalUser user) {
        return access.asApplicant(access.lock(id, user), id).flatMap(row -> {
            if (row.status() != Status.DRAFT) {
                return Mono.error(ProblemException.state("application.not_draft"));
            }
            return materials.of(id).map(MaterialStore.Material::storageKey).collectList()
                    .flatMap(keys -> store.deleteDraft(id).thenReturn(keys));
        }).as(tx::transactional).flatMap(files::delete);
    }

    Mono<PageResponse<ApplicationViews.Summary>> mine(PortalUser user, String status, PageQuery page) {
        Status s = status(status);
        return Mono.zip(store.mine(user.id(), s, page.offset(), page.size()).map(details::summary).collectList(),
                store.countMine(user.id(), s)).map(t -> new PageResponse<>(t.getT1(), page.page(), page.size(), t.getT2()));
    }

    static Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Status.parse(status.strip()).orElseThrow(() -> ProblemException.invalid("status", "application.status"));
    }

    static void editable(ApplicationStore.Row row) {
        if (row.status() != Status.DRAFT && row.status() != Status.SUPPLEMENT_REQUESTED) {
            throw ProblemException.state("application.not_editable");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
