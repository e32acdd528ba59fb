package org.onestop.account;

import org.onestop.web.ProblemException;
import org.onestop.web.Problems;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Turns accounts into views with the department named in the caller's language. */
@Component
class AccountViews {

    private final AccountStore store;
    private final Departments departments;
    private final Problems problems;

    AccountViews(AccountStore store, Departments departments, Problems problems) {
        this.store = store;
        this.departments = departments;
        this.problems = problems;
    }

    Mono<AccountView> of(Account account, boolean reveal, ServerWebExchange exchange) {
        if (account.departmentId() == null) {
            return Mono.just(AccountView.of(account, null, reveal));
        }
        return departments.byId(account.departmentId())
                .map(d -> AccountView.of(account, d.name(problems.locale(exchange)), reveal))
                .defaultIfEmpty(AccountView.of(account, null, reveal));
    }

    Mono<AccountView> byId(long id, boolean reveal, ServerWebExchange exchange) {
        return store.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("user", id)))
                .flatMap(a -> of(a, reveal, exchange));
    }
}
