package org.onestop.security;

import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an account may do. Citizens and enterprises register; staff roles are given by admins. */
public enum Role {
    CITIZEN, ENTERPRISE, OFFICIAL, MODERATOR, ADMIN;

    /** The lower-case name used in JSON and in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    public boolean isStaff() {
        return this == OFFICIAL || this == MODERATOR || this == ADMIN;
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
