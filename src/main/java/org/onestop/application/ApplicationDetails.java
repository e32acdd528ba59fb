package org.onestop.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.onestop.platform.CityTime;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Builds what a viewer sees of an application, including the actions open to them now. */
@Component
class ApplicationDetails {

    private final Forms forms;
    private final MaterialStore materials;
    private final ApplicationStore store;
    private final JsonMapper json;
    private final Clock clock;

    ApplicationDetails(Forms forms, MaterialStore materials, ApplicationStore store, JsonMapper json, Clock clock) {
        this.forms = forms;
        this.materials = materials;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CityTime.ZONE);
    }

    ApplicationViews.Summary summary(ApplicationStore.Row r) {
        return new ApplicationViews.Summary(r.id(), r.number(), r.serviceCode(), r.serviceName(), r.departmentName(),
                r.status().code(), r.submittedAt(), r.updatedAt(), r.dueDate(), overdue(r));
    }

    Mono<ApplicationViews.Detail> detail(long id, ApplicationAccess.Viewed viewed) {
        return store.find(id).flatMap(row -> detail(new ApplicationAccess.Viewed(row, viewed.applicant(), viewed.official())));
    }

    Mono<ApplicationViews.Detail> detail(ApplicationAccess.Viewed viewed) {
        ApplicationStore.Row r = viewed.row();
        return Mono.zip(forms.version(r.serviceCode(), r.formVersion()), materials(r.id()),
                store.steps(r.id()).map(s -> new ApplicationViews.TimelineEntry(s.status(), s.at(), s.actorName(), s.note()))
                        .collectList())
                .map(t -> new ApplicationViews.Detail(r.id(), r.number(), r.serviceCode(), r.serviceName(),
                        r.departmentName(), r.status().code(), r.submittedAt(), r.updatedAt(), r.dueDate(), overdue(r),
                        r.formVersion(), t.getT1().json(), json.readTree(r.data()), t.getT2(), t.getT3(),
                        json.readTree(r.missing()), actions(viewed), r.hasResult(), r.enterpriseId() != null));
    }

    Mono<List<ApplicationViews.MaterialView>> materials(long id) {
        return materials.of(id).map(ApplicationDetails::view).collectList();
    }

    static ApplicationViews.MaterialView view(MaterialStore.Material m) {
        return new ApplicationViews.MaterialView(m.id(), m.materialCode(), m.fileName(), m.size(), m.contentType(),
                m.uploadedAt());
    }

    private boolean overdue(ApplicationStore.Row r) {
        return r.status().running() && r.dueDate() != null && r.dueDate().isBefore(today());
    }

    static List<String> actions(ApplicationAccess.Viewed v) {
        List<String> actions = new ArrayList<>();
        Status s = v.row().status();
        if (v.applicant()) {
            switch (s) {
                case DRAFT -> actions.addAll(List.of("save", "submit", "delete"));
                case SUPPLEMENT_REQUESTED -> actions.addAll(List.of("save", "resubmit"));
                default -> { }
            }
        }
        if (v.official()) {
            switch (s) {
                case SUBMITTED -> actions.addAll(List.of("accept", "supplement", "reject"));
                case ACCEPTED -> actions.addAll(List.of("supplement", "approve", "reject"));
                case APPROVED -> actions.add("issueResult");
                default -> { }
            }
        }
        return actions;
    }
}
