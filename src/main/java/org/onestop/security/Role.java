package org.onestop.security;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What an account may do. Citizens and enterprises register; staff roles are given by admins:
 * officials (of a department), moderators (live inquiry), admins, mailbox clerks (the city
 * mailbox office, 信箱办, which triages the mayor's mailbox and dispatches letters) and supervisors
 * (督办, who follow overdue letters across departments).
 */
public enum Role {
    CITIZEN, ENTERPRISE, OFFICIAL, MODERATOR, ADMIN, MAILBOX_CLERK, SUPERVISOR;

    /** The lower-case name used in JSON and in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    public boolean isStaff() {
        return this == OFFICIAL || this == MODERATOR || this == ADMIN || this == MAILBOX_CLERK || this == SUPERVISOR;
    }

    /** The role for a code, or null when the code names no role. */
    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return role;
            }
        }
        return null;
    }
}
