package org.onestop.account;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.account.identity.MainlandMobile;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Staff accounts, created and listed by admins; every such action is audited. */
@Service
class StaffAccounts {

    private final RegistrationValidator validator;
    private final AccountStore store;
    private final Departments departments;
    private final PasswordHashing hashing;
    private final AuditTrail audit;
    private final TransactionalOperator tx;

    StaffAccounts(RegistrationValidator validator, AccountStore store, Departments departments,
            PasswordHashing hashing, AuditTrail audit, TransactionalOperator tx) {
        this.validator = validator;
        this.store = store;
        this.departments = departments;
        this.hashing = hashing;
        this.audit = audit;
        this.tx = tx;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Mono<Account> create(StaffRequest request, PortalUser admin) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = PlainText.clean(request.username());
        if (username == null || !RegistrationValidator.USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of("username", username == null || username.isEmpty() ? "required" : "username"));
        }
        validator.checkPassword(request.password(), username, problems);
        String displayName = PlainText.clean(request.displayName());
        RegistrationValidator.checkDisplayName(displayName, problems);
        Set<Role> roles = staffRoles(request.roles(), problems);
        String realName = PlainText.clean(request.realName());
        if (realName != null && !realName.isEmpty()) {
            RegistrationValidator.checkRealName(realName, problems);
        }
        String mobile = PlainText.clean(request.mobile());
        if (mobile != null && !mobile.isEmpty() && MainlandMobile.normalise(mobile).isEmpty()) {
            problems.add(FieldProblem.of("mobile", "mobile"));
        }
        String jobTitle = PlainText.clean(request.jobTitle());
        if (jobTitle != null && (PlainText.length(jobTitle) > 50 || PlainText.hasHiddenCharacters(jobTitle, false))) {
            problems.add(FieldProblem.of("jobTitle", "size", 0, 50));
        }
        if (roles.contains(Role.OFFICIAL) && request.departmentId() == null) {
            problems.add(FieldProblem.of("departmentId", "official_department"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        Mono<Long> department = request.departmentId() == null ? Mono.just(-1L)
                : departments.byId(request.departmentId()).map(Department::id)
                        .switchIfEmpty(Mono.error(() -> ProblemException.invalid("departmentId", "unknown_department")));
        return department
                .then(store.usernameTaken(username))
                .flatMap(taken -> taken ? Mono.error(ProblemException.conflict("username", "taken"))
                        : hashing.hash(request.password()))
                .map(hash -> new NewAccount(username, hash, displayName, AccountKind.STAFF,
                        realName == null || realName.isEmpty() ? null : realName, null,
                        mobile == null || mobile.isEmpty() ? null : MainlandMobile.normalise(mobile).orElseThrow(),
                        null, null, request.departmentId(), jobTitle == null || jobTitle.isEmpty() ? null : jobTitle, roles))
                .flatMap(account -> store.insert(account)
                        .flatMap(id -> audit.record(admin.id(), "user.created", "user", id, Map.of(
                                        "username", username,
                                        "roles", roles.stream().map(Role::code).sorted().toList(),
                                        "departmentId", request.departmentId() == null ? "" : request.departmentId()))
                                .then(store.findById(id)))
                        .as(tx::transactional));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Mono<PageResponse<Account>> page(PageQuery page) {
        return store.page(page.offset(), page.size()).collectList()
                .zipWith(store.count(), (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
    }

    /** An admin opens one account with its personal data in clear: that access is audited. */
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<Account> open(long id, PortalUser admin) {
        return store.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("user", id)))
                .flatMap(a -> audit.record(admin.id(), "user.personal_data_viewed", "user", id, Map.of()).thenReturn(a));
    }

    private static Set<Role> staffRoles(List<String> codes, List<FieldProblem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (codes == null || codes.isEmpty()) {
            problems.add(FieldProblem.of("roles", "required"));
            return roles;
        }
        for (String code : codes) {
            Role role = Role.fromCode(code);
            if (role == null || !role.isStaff()) {
                problems.add(FieldProblem.of("roles", "staff_role"));
                return roles;
            }
            roles.add(role);
        }
        return roles;
    }
}
