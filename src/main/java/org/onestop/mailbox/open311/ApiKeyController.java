package org.onestop.mailbox.open311;

import java.util.List;
import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admins manage Open311 api keys: create (the key is shown once), list, revoke. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/api/admin/open311/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiKeys.Created> create(@RequestBody ApiKeys.NewKey request, @AuthenticationPrincipal PortalUser admin) {
        return keys.create(request, admin);
    }

    @GetMapping("/api/admin/open311/keys")
    Mono<List<ApiKeyStore.Key>> list() {
        return keys.list();
    }

    @PostMapping("/api/admin/open311/keys/{id}/revoke")
    Mono<ApiKeyStore.Key> revoke(@PathVariable long id, @AuthenticationPrincipal PortalUser admin) {
        return keys.revoke(id, admin);
    }
}
