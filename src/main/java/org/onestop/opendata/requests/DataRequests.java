package org.onestop.opendata.requests;

import java.time.Clock;
import java.util.Map;
import org.onestop.account.Departments;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.DatasetStore;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Dataset requests: anyone signed in asks a department; officials of that department (or an
 * admin) answer. A request of another department is answered 404, as if it did not exist. The
 * answer, its audit entry and the requester's notification commit together.
 */
@Service
class DataRequests {

    private final DataRequestStore store;
    private final Departments departments;
    private final DatasetStore datasets;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;

    DataRequests(DataRequestStore store, Departments departments, DatasetStore datasets, LivePublisher live, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.departments = departments;
        this.datasets = datasets;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<DataRequest> submit(PortalUser user, DataRequestController.NewRequest body) {
        return departments.byId(body.departmentId())
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("departmentId", "opendata_unknown_department")))
                .flatMap(d -> store.insert(user.id(), d.id(), body.title().strip(), body.description().strip(), clock.instant()))
                .flatMap(store::byId);
    }

    Flux<DataRequest> mine(PortalUser user) {
        return store.ofUser(user.id());
    }

    Flux<DataRequest> inbox(PortalUser official) {
        if (official.departmentId() == null || !official.has(Role.OFFICIAL) && !official.has(Role.ADMIN)) {
            return Flux.error(ProblemException.forbidden());
        }
        return store.ofDepartment(official.departmentId());
    }

    Mono<DataRequest> answer(PortalUser official, long id, DataRequestController.Answer body) {
        boolean fulfilled = "fulfilled".equals(body.status());
        if (!fulfilled && (body.answer() == null || body.answer().isBlank())) {
            return Mono.error(ProblemException.invalid("answer", "opendata_decline_reason"));
        }
        if (fulfilled && (body.dataset() == null || body.dataset().isBlank())) {
            return Mono.error(ProblemException.invalid("dataset", "opendata_fulfil_dataset"));
        }
        Mono<Dataset> dataset = fulfilled
                ? datasets.byName(body.dataset()).switchIfEmpty(Mono.error(() -> ProblemException.invalid("dataset", "opendata_unknown_dataset")))
                : Mono.empty();
        return live.write(events -> store.lock(id)
                .filter(r -> official.has(Role.ADMIN) || official.has(Role.OFFICIAL) && official.departmentId() != null
                        && official.departmentId() == r.departmentId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("request", id)))
                .flatMap(r -> "open".equals(r.status()) ? Mono.just(r) : Mono.error(ProblemException.state("opendata_request_closed")))
                .flatMap(r -> dataset.map(d -> (Long) d.id()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(datasetId -> store.answer(id, body.status(), blankToNull(body.answer()), datasetId.orElse(null),
                                        clock.instant())
                                .then(audit.record(official.id(), "opendata.request." + body.status(), "opendata_request", id,
                                        Map.of("dataset", String.valueOf(body.dataset()))))
                                .then(new UserNotification("opendata-request-" + id, "opendata.request." + body.status(),
                                        (fulfilled ? "您的数据开放需求已满足：" : "您的数据开放需求未予满足：") + r.title(),
                                        "/opendata/requests.html", clock.instant()).sendTo(r.userId(), events))
                                .then(store.byId(id)))));
    }

    Flux<DataRequest> recent() {
        return store.recent(50);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
