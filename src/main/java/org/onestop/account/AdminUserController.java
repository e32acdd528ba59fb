package org.onestop.account;

import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Account administration for admins: staff accounts and the account list. */
@RestController
class AdminUserController {

    private final StaffAccounts staff;
    private final AccountViews views;

    AdminUserController(StaffAccounts staff, AccountViews views) {
        this.staff = staff;
        this.views = views;
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AccountView> create(@RequestBody StaffRequest request, @AuthenticationPrincipal PortalUser admin,
            ServerWebExchange exchange) {
        return staff.create(request, admin).flatMap(a -> views.of(a, true, exchange));
    }

    /** The list masks personal data; opening one account shows it (and is audited). */
    @GetMapping("/api/admin/users")
    Mono<PageResponse<AccountView>> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, ServerWebExchange exchange) {
        return staff.page(PageQuery.of(page, size)).flatMap(p -> Flux.fromIterable(p.items())
                .concatMap(a -> views.of(a, false, exchange))
                .collectList()
                .map(items -> new PageResponse<>(items, p.page(), p.size(), p.total())));
    }

    @GetMapping("/api/admin/users/{id}")
    Mono<AccountView> open(@PathVariable long id, @AuthenticationPrincipal PortalUser admin, ServerWebExchange exchange) {
        return staff.open(id, admin).flatMap(a -> views.of(a, true, exchange));
    }
}
