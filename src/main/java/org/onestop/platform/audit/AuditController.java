package org.onestop.platform.audit;

import org.onestop.web.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admins search the audit trail (the security chain also keeps /api/admin/** to admins). */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/api/admin/audit")
    Mono<PageResponse<AuditEntry>> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String entity,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.defer(() -> search.search(AuditQuery.of(actor, action, entity, from, to, page, size)));
    }
}
