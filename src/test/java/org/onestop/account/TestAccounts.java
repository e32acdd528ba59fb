package org.onestop.account;

import java.time.Duration;
import java.util.Set;
import org.onestop.Identities;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;

/** Creates accounts straight in the store for tests, as an admin would through the API. */
public final class TestAccounts {

    public static final String PASSWORD = "Qingdao#Test2026";

    private TestAccounts() {
    }

    /** A citizen account with a valid, unique identity. */
    public static long citizen(ApplicationContext app, String username) {
        AccountStore store = app.getBean(AccountStore.class);
        String hash = app.getBean(PasswordHashing.class).hash(PASSWORD).block(Duration.ofSeconds(10));
        return store.insert(new NewAccount(username, hash, "网友" + username, AccountKind.CITIZEN, "测试", Identities.idNumber(),
                Identities.mobile(), null, null, null, null, Set.of(Role.CITIZEN))).block(Duration.ofSeconds(10));
    }

    /** A staff account with the given roles; officials belong to the department with this code. */
    public static long staff(ApplicationContext app, String username, String departmentCode, Role... roles) {
        AccountStore store = app.getBean(AccountStore.class);
        PasswordHashing hashing = app.getBean(PasswordHashing.class);
        Long departmentId = departmentCode == null ? null
                : app.getBean(Departments.class).byCode(departmentCode).map(Department::id).block(Duration.ofSeconds(10));
        String hash = hashing.hash(PASSWORD).block(Duration.ofSeconds(10));
        return store.insert(new NewAccount(username, hash, username, AccountKind.STAFF, null, null, null, null, null,
                departmentId, null, Set.of(roles))).block(Duration.ofSeconds(10));
    }
}
