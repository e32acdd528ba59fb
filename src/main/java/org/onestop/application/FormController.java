package org.onestop.application;

import org.onestop.security.PortalUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** A service's current application form (public), and new versions of it (admins). */
@RestController
class FormController {

    /** The current form as the browser's form engine renders it. */
    record FormView(String serviceCode, String serviceName, String serviceNameEn, int version, JsonNode definition) {
    }

    private final Forms forms;

    FormController(Forms forms) {
        this.forms = forms;
    }

    @GetMapping("/api/services/{code}/form")
    Mono<FormView> form(@PathVariable String code) {
        return forms.service(code).flatMap(service -> forms.current(service)
                .map(f -> new FormView(service.code(), service.nameZh(), service.nameEn(), f.version(), f.json())));
    }

    /** The body is {@code {definition: {...}}}; the answer is the new version. */
    @PutMapping("/api/admin/services/{code}/form")
    Mono<FormView> save(@PathVariable String code, @RequestBody JsonNode body) {
        return PortalUser.required()
                .flatMap(admin -> forms.save(code, body.path("definition"), admin))
                .flatMap(f -> forms.service(code)
                        .map(s -> new FormView(s.code(), s.nameZh(), s.nameEn(), f.version(), f.json())));
    }
}
