package org.onestop.mailbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Departments as the mailbox needs them: by id for every view, and as mailbox addresses. They
 * are reference data that changes rarely, so one copy is kept for a few minutes.
 */
@Component
class MailboxDepartments {

    private final Departments departments;
    private final Mono<Map<Long, Department>> byId;

    MailboxDepartments(Departments departments) {
        this.departments = departments;
        // A failed read is not kept: the next caller asks the database again.
        this.byId = departments.all(null).collectMap(Department::id)
                .cache(all -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<Map<Long, Department>> all() {
        return byId;
    }

    /** Every department and district in the portal's order. */
    Mono<List<Department>> sorted() {
        return departments.all(null).collectList();
    }

    /** The department a mailbox address names: its id or its code; empty when none. */
    Mono<Department> address(String reference) {
        if (reference.chars().allMatch(Character::isDigit) && reference.length() <= 18) {
            return departments.byId(Long.parseLong(reference));
        }
        return departments.byCode(reference);
    }

    Mono<Department> byId(long id) {
        return byId.mapNotNull(all -> all.get(id)).switchIfEmpty(departments.byId(id));
    }
}
