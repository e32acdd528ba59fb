package org.onestop.opendata.keys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's API keys: create (secret shown once), list with usage, revoke. */
@RestController
class DataKeyController {

    private final DataKeys keys;

    DataKeyController(DataKeys keys) {
        this.keys = keys;
    }

    record NewKey(@NotBlank @Size(max = 100) String name) {
    }

    record KeyView(long id, String name, String prefix, int perMinute, Instant createdAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.name(), k.prefix(), k.perMinute(), k.createdAt(), k.revokedAt());
        }
    }

    record CreatedView(KeyView key, String secret) {
    }

    record KeysView(List<KeyView> keys, List<Map<String, Object>> usage) {
    }

    @PostMapping("/api/opendata/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CreatedView> create(@Valid @RequestBody NewKey body) {
        return PortalUser.required().flatMap(u -> keys.create(u.id(), body.name().strip()))
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict("name", "opendata_key_limit", DataKeys.MAX_KEYS)))
                .map(c -> new CreatedView(KeyView.of(c.key()), c.secret()));
    }

    @GetMapping("/api/opendata/keys")
    Mono<KeysView> list() {
        return PortalUser.required().flatMap(u -> keys.of(u.id()).map(KeyView::of).collectList()
                .zipWith(keys.usage(u.id()).collectList(), KeysView::new));
    }

    @DeleteMapping("/api/opendata/keys/{id}")
    Mono<KeyView> revoke(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> keys.revoke(u.id(), id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("key", id)))
                .map(KeyView::of);
    }

}
