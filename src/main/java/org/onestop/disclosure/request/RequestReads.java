package org.onestop.disclosure.request;

import java.util.Set;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.platform.storage.FileStore;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.ProblemException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading requests: the applicant's own, one request, a department's queue, and delivered files. */
@Service("disclosureRequestReads")
class RequestReads {

    static final Set<String> QUEUE_STATES = Set.of("open", "replied", "all");

    private final RequestStore store;
    private final RequestFileStore files;
    private final FileStore fileStore;
    private final Departments departments;
    private final RequestViewer viewer;

    RequestReads(RequestStore store, RequestFileStore files, FileStore fileStore, Departments departments, RequestViewer viewer) {
        this.store = store;
        this.files = files;
        this.fileStore = fileStore;
        this.departments = departments;
        this.viewer = viewer;
    }

    record Download(RequestFileStore.StoredFile file, Resource resource) {
    }

    Mono<PageResponse<RequestViews.Summary>> mine(PortalUser user, PageQuery page) {
        return Mono.zip(store.ofApplicant(user.id(), page.size(), page.offset()).collectList(), store.countOfApplicant(user.id()))
                .flatMap(t -> viewer.summaries(t.getT1())
                        .map(items -> new PageResponse<>(items, page.page(), page.size(), t.getT2())));
    }

    Mono<RequestViews.Detail> one(long id, PortalUser user) {
        return readable(id, user).flatMap(row -> viewer.detail(row, user));
    }

    /**
     * A queue page. Officials see their own department's (asking for another is refused); admins
     * see every department's, or one department's given by id or code.
     */
    Mono<PageResponse<RequestViews.Summary>> queue(PortalUser user, String department, String state, PageQuery page) {
        if (!RequestAccess.isHandler(user)) {
            return Mono.error(ProblemException.forbidden());
        }
        String which = state == null || state.isBlank() ? "open" : state;
        if (!QUEUE_STATES.contains(which)) {
            return Mono.error(ProblemException.invalid("state", "disclosure_request.queue_state"));
        }
        return departmentFilter(user, department).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(d -> Mono.zip(store.queue(d.orElse(null), which, page.size(), page.offset()).collectList(),
                        store.countQueue(d.orElse(null), which)))
                .flatMap(t -> viewer.summaries(t.getT1())
                        .map(items -> new PageResponse<>(items, page.page(), page.size(), t.getT2())));
    }

    Mono<Download> file(long id, long fileId, PortalUser user) {
        return readable(id, user)
                .flatMap(row -> files.find(row.id(), fileId))
                .flatMap(f -> fileStore.resource(f.storageKey()).map(resource -> new Download(f, resource)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("file", fileId)));
    }

    /** The department whose queue to show; empty for an admin's view of all departments. */
    private Mono<Long> departmentFilter(PortalUser user, String department) {
        boolean given = department != null && !department.isBlank();
        if (!user.has(Role.ADMIN)) {
            if (given && !department.equals(String.valueOf(user.departmentId()))) {
                return Mono.error(ProblemException.forbidden());
            }
            return Mono.just(user.departmentId());
        }
        if (!given) {
            return Mono.empty();
        }
        Mono<Department> found = department.matches("[0-9]{1,18}") ? departments.byId(Long.parseLong(department))
                : departments.byCode(department);
        return found.map(Department::id)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("department", "unknown_department")));
    }

    /** The request if the caller is its applicant or handles it; 404 otherwise, so others learn nothing. */
    private Mono<RequestStore.Row> readable(long id, PortalUser user) {
        return store.find(id)
                .filter(row -> RequestAccess.mayRead(row, user))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("disclosure_request", id)));
    }
}
