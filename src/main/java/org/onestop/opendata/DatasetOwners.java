package org.onestop.opendata;

import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may change a dataset: officials of its publishing department, and admins. Every management
 * action (metadata, updates, resource files) asks here, so another department's dataset answers
 * 404 everywhere alike, and a caller without a department is refused before anything is read.
 */
@Component
public class DatasetOwners {

    private final DatasetStore store;

    DatasetOwners(DatasetStore store) {
        this.store = store;
    }

    /** The dataset when the caller may manage it; 404 when it does not exist or is another department's. */
    public Mono<Dataset> owned(PortalUser official, String name) {
        long department = department(official);
        return store.byName(name)
                .filter(d -> official.has(Role.ADMIN) || d.publisher().id() == department)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("dataset", name)));
    }

    /** The caller's department, when the caller is an official or admin with one; 403 otherwise. */
    public static long department(PortalUser user) {
        if (!(user.has(Role.OFFICIAL) || user.has(Role.ADMIN)) || user.departmentId() == null) {
            throw ProblemException.forbidden();
        }
        return user.departmentId();
    }
}
