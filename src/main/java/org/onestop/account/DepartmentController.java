package org.onestop.account;

import org.onestop.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The public list of departments and districts (about ninety, so it is not paged). */
@RestController
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    @GetMapping("/api/departments")
    Flux<Department> list(@RequestParam(required = false) String kind) {
        if (kind != null && !kind.equals("municipal") && !kind.equals("district")) {
            throw ProblemException.invalid("kind", "department_kind");
        }
        return departments.all(kind);
    }

    @GetMapping("/api/departments/{id}")
    Mono<Department> one(@PathVariable long id) {
        return departments.byId(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("department", id)));
    }
}
