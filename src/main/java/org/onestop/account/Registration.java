package org.onestop.account;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.onestop.platform.CityTime;
import org.onestop.security.Role;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Self-registration of citizens and enterprises. */
@Service
class Registration {

    private final RegistrationValidator validator;
    private final AccountStore store;
    private final PasswordHashing hashing;
    private final TransactionalOperator tx;
    private final Clock clock;

    Registration(RegistrationValidator validator, AccountStore store, PasswordHashing hashing,
            TransactionalOperator tx, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.hashing = hashing;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Account> register(RegistrationRequest request) {
        List<FieldProblem> problems = validator.problems(request, CityTime.today(clock));
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        RegistrationValidator.Valid v = validator.normalise(request);
        Role role = v.kind() == AccountKind.CITIZEN ? Role.CITIZEN : Role.ENTERPRISE;
        // Checked first for a clear answer; the unique index still decides a race between two requests.
        return store.usernameTaken(v.username())
                .flatMap(taken -> taken ? Mono.error(ProblemException.conflict("username", "taken")) : hashing.hash(v.password()))
                .map(hash -> new NewAccount(v.username(), hash, v.displayName(), v.kind(), v.realName(), v.idNumber(),
                        v.mobile(), v.enterpriseName(), v.creditCode(), null, null, Set.of(role)))
                .flatMap(account -> store.insert(account).flatMap(store::findById).as(tx::transactional));
    }
}
