package org.onestop.account;

import java.time.Instant;
import java.util.List;
import org.onestop.account.identity.MainlandMobile;
import org.onestop.account.identity.ResidentIdNumber;
import org.onestop.security.Role;

/**
 * An account as shown to a caller. Resident ID numbers and mobile numbers are masked unless the
 * caller is the account's owner or staff entitled to see them; credit codes are public. Absent
 * values are sent as null, so clients see every field of the contract.
 */
public record AccountView(long id, String username, String displayName, String kind, List<String> roles,
        Long departmentId, String departmentName, String jobTitle, String realName, String idNumber, String mobile,
        String enterpriseName, String creditCode, boolean enabled, Instant createdAt) {

    static AccountView of(Account a, String departmentName, boolean reveal) {
        return new AccountView(a.id(), a.username(), a.displayName(), a.kind().code(),
                a.roles().stream().map(Role::code).sorted().toList(), a.departmentId(), departmentName, a.jobTitle(),
                a.realName(),
                a.idNumber() == null || reveal ? a.idNumber() : ResidentIdNumber.mask(a.idNumber()),
                a.mobile() == null || reveal ? a.mobile() : MainlandMobile.mask(a.mobile()),
                a.enterpriseName(), a.creditCode(), a.enabled(), a.createdAt());
    }
}
