package org.onestop.account;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.onestop.security.Role;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The SQL of accounts and their roles. */
@Repository
class AccountStore {

    private static final String SELECT = """
            SELECT u.id, u.username, u.password_hash, u.display_name, u.kind, u.real_name, u.id_number, u.mobile,
                   u.enterprise_name, u.credit_code, u.department_id, u.job_title, u.enabled, u.created_at,
                   COALESCE(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
            FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
            """;

    private final DatabaseClient db;
    private final Clock clock;

    AccountStore(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Mono<Account> findByUsername(String username) {
        return db.sql(SELECT + " WHERE lower(u.username) = lower(:username) GROUP BY u.id")
                .bind("username", username)
                .map(AccountStore::account)
                .one();
    }

    Mono<Account> findById(long id) {
        return db.sql(SELECT + " WHERE u.id = :id GROUP BY u.id").bind("id", id).map(AccountStore::account).one();
    }

    Flux<Account> page(long offset, int limit) {
        return db.sql(SELECT + " GROUP BY u.id ORDER BY u.id LIMIT :limit OFFSET :offset")
                .bind("limit", limit)
                .bind("offset", offset)
                .map(AccountStore::account)
                .all();
    }

    Mono<Long> count() {
        return db.sql("SELECT count(*) FROM app_user").map(row -> row.get(0, Long.class)).one();
    }

    /** Ids of the enabled accounts of the department that hold the role. */
    Flux<Long> enabledWithRole(long departmentId, Role role) {
        return db.sql("""
                        SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = :role
                        WHERE u.department_id = :department AND u.enabled ORDER BY u.id""")
                .bind("role", role.code())
                .bind("department", departmentId)
                .map(row -> row.get(0, Long.class))
                .all();
    }

    Mono<Boolean> usernameTaken(String username) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE lower(username) = lower(:username))")
                .bind("username", username)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /** Inserts the account and its roles; run it inside a transaction. */
    /**
     * Creates, once, a disabled citizen account that cannot sign in (no usable password hash) and
     * owns generated content; returns its id either way.
     */
    Mono<Long> ensureDisabledOwner(String username, String displayName) {
        Instant now = clock.instant();
        return db.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, kind, real_name, id_number, enabled, created_at, updated_at)
                        VALUES (:username, '!', :name, 'citizen', :name, '000000000000000000', FALSE, :now, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("username", username).bind("name", displayName).bind("now", now).then()
                .then(db.sql("SELECT id FROM app_user WHERE username = :username").bind("username", username)
                        .map(r -> r.get(0, Long.class)).one());
    }

    Mono<Long> insert(NewAccount a) {
        Instant now = clock.instant();
        var spec = db.sql("""
                INSERT INTO app_user (username, password_hash, display_name, kind, real_name, id_number, mobile,
                                      enterprise_name, credit_code, department_id, job_title, created_at, updated_at)
                VALUES (:username, :hash, :displayName, :kind, :realName, :idNumber, :mobile,
                        :enterpriseName, :creditCode, :departmentId, :jobTitle, :now, :now)
                RETURNING id""")
                .bind("username", a.username())
                .bind("hash", a.passwordHash())
                .bind("displayName", a.displayName())
                .bind("kind", a.kind().code())
                .bind("now", now);
        spec = bindNullable(spec, "realName", a.realName(), String.class);
        spec = bindNullable(spec, "idNumber", a.idNumber(), String.class);
        spec = bindNullable(spec, "mobile", a.mobile(), String.class);
        spec = bindNullable(spec, "enterpriseName", a.enterpriseName(), String.class);
        spec = bindNullable(spec, "creditCode", a.creditCode(), String.class);
        spec = bindNullable(spec, "departmentId", a.departmentId(), Long.class);
        spec = bindNullable(spec, "jobTitle", a.jobTitle(), String.class);
        return spec.map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> Flux.fromIterable(a.roles())
                        .concatMap(role -> db.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                                .bind("id", id).bind("role", role.code()).then())
                        .then(Mono.just(id)));
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
            String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Account account(Readable row) {
        String[] roleCodes = row.get("roles", String[].class);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleCodes != null) {
            for (String code : roleCodes) {
                roles.add(Role.fromCode(code));
            }
        }
        return new Account(
                row.get("id", Long.class),
                row.get("username", String.class),
                row.get("password_hash", String.class),
                row.get("display_name", String.class),
                AccountKind.fromCode(row.get("kind", String.class)),
                row.get("real_name", String.class),
                row.get("id_number", String.class),
                row.get("mobile", String.class),
                row.get("enterprise_name", String.class),
                row.get("credit_code", String.class),
                row.get("department_id", Long.class),
                row.get("job_title", String.class),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                roles,
                row.get("created_at", Instant.class));
    }
}
