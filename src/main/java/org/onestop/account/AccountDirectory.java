package org.onestop.account;

import java.util.Collection;
import org.onestop.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The account feature's public face: other features look people up here, never in its tables. */
@Service
public class AccountDirectory {

    private final AccountStore store;
    private final Departments departments;

    AccountDirectory(AccountStore store, Departments departments) {
        this.store = store;
        this.departments = departments;
    }

    /** The account's card (department named in Chinese, the public record's language), or empty. */
    public Mono<StaffCard> card(long id) {
        return store.findById(id).flatMap(a -> a.departmentId() == null
                ? Mono.just(card(a, null))
                : departments.byId(a.departmentId()).map(d -> card(a, d.nameZh())).defaultIfEmpty(card(a, null)));
    }

    /** The signed-in principal of an account, for work done on its behalf (demo data, imports). */
    public Mono<org.onestop.security.PortalUser> principal(String username) {
        return store.findByUsername(username).map(Account::toPrincipal);
    }

    /**
     * The id of a disabled account that owns generated demo content (such as the demo year of
     * letters) without being anyone who can sign in; created on first use.
     */
    public Mono<Long> demoOwner(String username, String displayName) {
        return store.ensureDisabledOwner(username, displayName);
    }

    /**
     * The verified resident ID number of an enabled citizen account, the key department systems
     * know people by; empty for staff, enterprises, disabled accounts and citizens without one.
     */
    public Mono<String> verifiedIdNumber(long userId) {
        return store.findById(userId)
                .filter(a -> a.kind() == AccountKind.CITIZEN && a.enabled() && a.idNumber() != null)
                .map(Account::idNumber);
    }

    /** Ids of the enabled officials of the department: the people told of its own business. */
    public Flux<Long> officialsOf(long departmentId) {
        return store.enabledWithRole(departmentId, Role.OFFICIAL);
    }

    public Flux<StaffCard> cards(Collection<Long> ids) {
        return Flux.fromIterable(ids).distinct().concatMap(this::card);
    }

    private static StaffCard card(Account a, String department) {
        return new StaffCard(a.id(), a.displayName(), a.jobTitle(), a.departmentId(), department, a.roles());
    }
}
