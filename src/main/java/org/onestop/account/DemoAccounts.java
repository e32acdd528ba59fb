package org.onestop.account;

import java.time.Duration;
import java.util.Set;
import org.onestop.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
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
@Order(1)
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
        Mono<Void> seed = Mono.zip(id("HRSS"), id("HOUSING"), id("HEALTHCARE-SEC"), id("EDU")).flatMapMany(d -> Flux.just(
                        staff("admin", "系统管理员", Role.ADMIN, null, null),
                        staff("moderator", "网络问政主持人", Role.MODERATOR, null, null),
                        staff("official", "王建国", Role.OFFICIAL, d.getT1(), "副局长"),
                        staff("housing_official", "李明", Role.OFFICIAL, d.getT2(), "城市更新处处长"),
                        staff("healthcare_official", "赵芳", Role.OFFICIAL, d.getT3(), "副局长"),
                        staff("education_official", "陈静", Role.OFFICIAL, d.getT4(), "基础教育处处长"),
                        staff("mailbox_clerk", "市长信箱办公室", Role.MAILBOX_CLERK, null, null),
                        staff("supervisor", "市政府督查室", Role.SUPERVISOR, null, null),
                        citizen("citizen", "张三", "370202199003071233", "13800138000"),
                        citizen("lisi", "李四", "370203198811230011", "13906390001"),
                        citizen("wangwu", "王五", "370212199502280024", "13706390002")))
                .concatMap(this::createIfAbsent)
                .then();
        // Start-up only: the portal should not accept requests before its demo accounts exist.
        seed.block(Duration.ofMinutes(1));
    }

    private Mono<Long> id(String departmentCode) {
        return departments.byCode(departmentCode).map(Department::id);
    }

    private static NewAccount staff(String username, String displayName, Role role, Long departmentId, String title) {
        return new NewAccount(username, null, displayName, AccountKind.STAFF, null, null, null, null, null,
                departmentId, title, Set.of(role));
    }

    private static NewAccount citizen(String username, String name, String idNumber, String mobile) {
        return new NewAccount(username, null, name, AccountKind.CITIZEN, name, idNumber, mobile, null, null, null, null,
                Set.of(Role.CITIZEN));
    }

    /**
     * Creates the account unless it exists. Two nodes starting together may both find it missing:
     * the unique username then refuses the second insert, which is the other node's success, not a failure.
     */
    private Mono<Void> createIfAbsent(NewAccount template) {
        return store.usernameTaken(template.username()).flatMap(taken -> taken ? Mono.empty()
                : hashing.hash(PASSWORD).flatMap(hash -> store.insert(new NewAccount(template.username(), hash,
                        template.displayName(), template.kind(), template.realName(), template.idNumber(),
                        template.mobile(), template.enterpriseName(), template.creditCode(), template.departmentId(),
                        template.jobTitle(), template.roles())).as(tx::transactional))
                        .doOnNext(id -> log.info("Demo account '{}' created", template.username()))
                        .onErrorResume(DuplicateKeyException.class, e -> {
                            log.info("Demo account '{}' was created by another node", template.username());
                            return Mono.empty();
                        })
                        .then());
    }
}
