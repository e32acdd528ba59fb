package org.onestop.account;

import java.util.Locale;

/** Who holds an account: a person, an enterprise, or a member of staff. */
public enum AccountKind {
    CITIZEN, ENTERPRISE, STAFF;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccountKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
