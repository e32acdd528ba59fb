package org.onestop.account;

import java.time.Duration;
import java.util.Set;
import org.onestop.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo-only accounts, created at start-up when {@code onestop.demo.enabled} is true (the default
 * of the run command) and left alone when they already exist. Never enable this in production:
 * the password is published in the README.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "Demo#2026";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final AccountStore store;
    private final Departments departments;
    private final PasswordHashing hashing;
    private final TransactionalOperator tx;

    DemoAccounts(AccountStore store, Departments departments, PasswordHashing hashing, TransactionalOperator tx) {
        this.store = store;
        this.departments = departments;
        this.hashing = hashing;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        Mono<Long> hrss = departments.byCode("HRSS").map(Department::id);
        Mono<Void> seed = hrss.flatMapMany(hrssId -> Flux.just(
                        staff("admin", "系统管理员", Role.ADMIN, null),
                        staff("moderator", "网络问政主持人", Role.MODERATOR, null),
                        staff("official", "王建国", Role.OFFICIAL, hrssId),
                        new NewAccount("citizen", null, "张三", AccountKind.CITIZEN, "张三", "370202199003071233",
                                "13800138000", null, null, null, null, Set.of(Role.CITIZEN))))
                .concatMap(this::createIfAbsent)
                .then();
        // Start-up only: the portal should not accept requests before its demo accounts exist.
        seed.block(Duration.ofMinutes(1));
    }

    private static NewAccount staff(String username, String displayName, Role role, Long departmentId) {
        return new NewAccount(username, null, displayName, AccountKind.STAFF, null, null, null, null, null,
                departmentId, role == Role.OFFICIAL ? "副局长" : null, Set.of(role));
    }

    private Mono<Void> createIfAbsent(NewAccount template) {
        return store.usernameTaken(template.username()).flatMap(taken -> taken ? Mono.empty()
                : hashing.hash(PASSWORD).flatMap(hash -> store.insert(new NewAccount(template.username(), hash,
                        template.displayName(), template.kind(), template.realName(), template.idNumber(),
                        template.mobile(), template.enterpriseName(), template.creditCode(), template.departmentId(),
                        template.jobTitle(), template.roles())).as(tx::transactional))
                        .doOnNext(id -> log.info("Demo account '{}' created", template.username()))
                        .then());
    }
}
