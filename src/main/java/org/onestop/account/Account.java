package org.onestop.account;

import java.time.Instant;
import java.util.Set;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;

/** A stored account with its roles. Personal fields are null where the kind has none. */
record Account(long id, String username, String passwordHash, String displayName, AccountKind kind,
        String realName, String idNumber, String mobile, String enterpriseName, String creditCode,
        Long departmentId, String jobTitle, boolean enabled, Set<Role> roles, Instant createdAt) {

    PortalUser toPrincipal() {
        return new PortalUser(id, username, displayName, roles, departmentId);
    }
}
