package org.onestop.account;

import java.util.Set;
import org.onestop.security.Role;

/** What other features may know of an account: public name, job title, department and roles. */
public record StaffCard(long id, String displayName, String jobTitle, Long departmentId, String departmentName,
        Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
