package org.onestop.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.onestop.account.AccountDirectory;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Enterprise colleagues. An enterprise has exactly one portal account (the credit code is unique),
 * and that account is the enterprise's administrator. It lets colleagues in by naming their own
 * personal (citizen) accounts: a colleague then sees every application of the enterprise and may
 * file and work its enterprise applications, but cannot let anyone else in.
 */
@Service
class EnterpriseMembers {

    record Member(long accountId, String displayName, Instant grantedAt) {
    }

    record Membership(long enterpriseId, String enterpriseName) {
    }

    record GrantRequest(String username) {
    }

    private final DatabaseClient db;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    EnterpriseMembers(DatabaseClient db, AccountDirectory accounts, AuditTrail audit, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<List<Member>> members(PortalUser admin) {
        return enterprise(admin).thenMany(db.sql("SELECT member_id, granted_at FROM enterprise_member WHERE enterprise_id = :e ORDER BY granted_at")
                .bind("e", admin.id()).map(r -> Map.entry(r.get("member_id", Long.class), r.get("granted_at", Instant.class))).all())
                .concatMap(e -> accounts.card(e.getKey()).map(c -> new Member(c.id(), c.displayName(), e.getValue())))
                .collectList();
    }

    Mono<Member> grant(PortalUser admin, GrantRequest request) {
        String username = request == null || request.username() == null ? "" : request.username().strip();
        if (username.isEmpty()) {
            return Mono.error(ProblemException.invalid("username", "required"));
        }
        return enterprise(admin).then(accounts.principal(username))
                .filter(p -> p.has(Role.CITIZEN) && p.id() != admin.id())
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("username", "application.member_unknown")))
                .flatMap(member -> {
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return db.sql("""
                            INSERT INTO enterprise_member (enterprise_id, member_id, granted_at) VALUES (:e, :m, :at)
                            ON CONFLICT DO NOTHING""").bind("e", admin.id()).bind("m", member.id()).bind("at", now).then()
                            .then(audit.record(admin.id(), "enterprise.member.granted", "app_user", member.id(), Map.of()))
                            .as(tx::transactional)
                            .thenReturn(new Member(member.id(), member.displayName(), now));
                });
    }

    Mono<Void> revoke(PortalUser admin, long memberId) {
        return enterprise(admin).then(db.sql("DELETE FROM enterprise_member WHERE enterprise_id = :e AND member_id = :m")
                        .bind("e", admin.id()).bind("m", memberId).fetch().rowsUpdated())
                .flatMap(n -> n == 0 ? Mono.error(ProblemException.notFound("member", memberId))
                        : audit.record(admin.id(), "enterprise.member.revoked", "app_user", memberId, Map.of()))
                .as(tx::transactional);
    }

    /** The enterprises the caller was let into, for choosing whom to file for. */
    Mono<List<Membership>> memberships(PortalUser user) {
        return db.sql("SELECT enterprise_id FROM enterprise_member WHERE member_id = :m ORDER BY granted_at")
                .bind("m", user.id()).map(r -> r.get(0, Long.class)).all()
                .concatMap(id -> accounts.card(id).map(c -> new Membership(id, c.displayName())))
                .collectList();
    }

    private static Mono<Void> enterprise(PortalUser user) {
        return user.has(Role.ENTERPRISE) ? Mono.empty() : Mono.error(ProblemException.forbidden());
    }
}
