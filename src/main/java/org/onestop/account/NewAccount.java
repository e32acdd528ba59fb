package org.onestop.account;

import java.util.Set;
import org.onestop.security.Role;

/** An account about to be stored: validated, normalised, and with its password already hashed. */
record NewAccount(String username, String passwordHash, String displayName, AccountKind kind, String realName,
        String idNumber, String mobile, String enterpriseName, String creditCode, Long departmentId,
        String jobTitle, Set<Role> roles) {
}
