package org.onestop.mailbox.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.onestop.account.AccountDirectory;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Api keys of Open311 partner systems. A key is 256 random bits shown once; only its SHA-256 is
 * stored. A fast unsalted hash is enough because the key is random, not chosen by a person, so
 * there is nothing to guess from the hash. Each key is bound to an existing citizen or enterprise
 * account, which is the writer of the letters posted with it.
 */
@Service
class ApiKeys {

    private static final String PREFIX = "o311_";

    private final ApiKeyStore store;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(ApiKeyStore store, AccountDirectory accounts, AuditTrail audit, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** What an admin asks for: a name for the partner and the username of the account to write as. */
    record NewKey(String name, String username) {
    }

    /** The created key: the only time the key itself is shown. */
    record Created(ApiKeyStore.Key details, String key) {
    }

    /** A caller whose key checked out: the key's id and the account its letters are written as. */
    record Caller(long keyId, PortalUser writer) {
    }

    Mono<Created> create(NewKey request, PortalUser admin) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            return Mono.error(ProblemException.invalid(List.of(name.isEmpty() ? FieldProblem.of("name", "required")
                    : FieldProblem.of("name", "size", 1, 100))));
        }
        String username = request.username() == null ? "" : request.username().strip();
        return accounts.principal(username).filter(ApiKeys::writes)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("username", "open311_account")))
                .flatMap(account -> {
                    String key = newKey();
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return store.insert(name, hash(key), key.substring(0, 12), account.id(), admin.id(), now)
                            .flatMap(id -> audit.record(admin.id(), "open311.key.created", "open311_api_key", id,
                                    Map.of("name", name, "accountId", account.id())).then(store.find(id)))
                            .as(tx::transactional)
                            .map(details -> new Created(details, key));
                });
    }

    Mono<List<ApiKeyStore.Key>> list() {
        return store.all().collectList();
    }

    Mono<ApiKeyStore.Key> revoke(long id, PortalUser admin) {
        return store.revoke(id, clock.instant())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("open311-key", id)))
                .flatMap(revoked -> audit.record(admin.id(), "open311.key.revoked", "open311_api_key", id, Map.of()))
                .then(store.find(id))
                .as(tx::transactional);
    }

    /** The caller behind a key; a missing, unknown or revoked key, or an account that no longer writes, is 403. */
    Mono<Caller> check(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Mono.error(Open311Exception.forbidden("api_key was not provided or is invalid"));
        }
        return store.active(hash(key.strip()))
                .flatMap(k -> accounts.principal(k.username()).filter(ApiKeys::writes).map(user -> new Caller(k.id(), user)))
                .switchIfEmpty(Mono.error(() -> Open311Exception.forbidden("api_key was not provided or is invalid")));
    }

    private static boolean writes(PortalUser user) {
        return user.has(Role.CITIZEN) || user.has(Role.ENTERPRISE);
    }

    private String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
