package org.onestop.disclosure.request;

import org.onestop.security.PortalUser;
import org.onestop.security.Role;

/** Who may do what with a request: applicants their own; officials of the addressed department and admins handle. */
final class RequestAccess {

    private RequestAccess() {
    }

    static boolean mayApply(PortalUser user) {
        return user.has(Role.CITIZEN) || user.has(Role.ENTERPRISE);
    }

    /** Whether the user works a queue at all (their department's, or every department's for admins). */
    static boolean isHandler(PortalUser user) {
        return user.has(Role.ADMIN) || user.has(Role.OFFICIAL) && user.departmentId() != null;
    }

    static boolean mayHandle(RequestStore.Row row, PortalUser user) {
        return user.has(Role.ADMIN)
                || user.has(Role.OFFICIAL) && user.departmentId() != null && user.departmentId() == row.departmentId();
    }

    static boolean mayRead(RequestStore.Row row, PortalUser user) {
        return row.applicantId() == user.id() || mayHandle(row, user);
    }
}
