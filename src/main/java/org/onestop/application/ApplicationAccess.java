package org.onestop.application;

import java.util.Objects;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may see an application: its applicant, the enterprise it is filed for and the colleagues
 * that enterprise let in, and officials of the owning department. Anyone else is told it does not
 * exist (404), so ids reveal nothing.
 */
@Component
class ApplicationAccess {

    /** An application with the viewer's relation to it. */
    record Viewed(ApplicationStore.Row row, boolean applicant, boolean official) {
    }

    private final ApplicationStore store;

    ApplicationAccess(ApplicationStore store) {
        this.store = store;
    }

    Mono<Viewed> view(long id, PortalUser user) {
        return relate(store.find(id), id, user);
    }

    /** As {@link #view}, but locking the row: call inside the transaction of a change. */
    Mono<Viewed> lock(long id, PortalUser user) {
        return relate(store.lock(id), id, user);
    }

    Mono<ApplicationStore.Row> asApplicant(Mono<Viewed> viewed, long id) {
        return viewed.filter(Viewed::applicant).map(Viewed::row)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("application", id)));
    }

    Mono<ApplicationStore.Row> asOfficial(Mono<Viewed> viewed, long id) {
        return viewed.filter(Viewed::official).map(Viewed::row)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("application", id)));
    }

    private Mono<Viewed> relate(Mono<ApplicationStore.Row> found, long id, PortalUser user) {
        return found.flatMap(row -> applicant(row, user).map(applicant -> new Viewed(row, applicant, official(row, user))))
                .filter(v -> v.applicant() || v.official())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("application", id)));
    }

    /** Officials see their department's applications once submitted; a draft is the applicant's alone. */
    static boolean official(ApplicationStore.Row row, PortalUser user) {
        return user.has(Role.OFFICIAL) && Objects.equals(user.departmentId(), row.departmentId()) && row.status() != Status.DRAFT;
    }

    private Mono<Boolean> applicant(ApplicationStore.Row row, PortalUser user) {
        if (row.applicantId() == user.id() || Objects.equals(row.enterpriseId(), user.id())) {
            return Mono.just(true);
        }
        return row.enterpriseId() == null ? Mono.just(false) : store.isMember(row.enterpriseId(), user.id());
    }
}
