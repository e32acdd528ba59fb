package org.onestop.account;

import java.util.List;
import java.util.Optional;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Checks a username and password. Unknown user, wrong password and disabled account look alike. */
@Service
class SignIn {

    private final AccountStore store;
    private final PasswordHashing hashing;

    SignIn(AccountStore store, PasswordHashing hashing) {
        this.store = store;
        this.hashing = hashing;
    }

    Mono<Account> authenticate(String username, String password) {
        return store.findByUsername(username)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> hashing.matches(password, found.map(Account::passwordHash).orElse(null))
                        .flatMap(ok -> ok && found.get().enabled() ? Mono.just(found.get()) : Mono.error(badCredentials())));
    }

    static ProblemException badCredentials() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "bad-credentials", List.of(), List.of(), null);
    }
}
