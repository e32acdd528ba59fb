package org.onestop.mailbox.consultation;

import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;

/**
 * Who may do what with a consultation. A draft belongs to its department: only that department's
 * officials publish, edit, withdraw and give feedback. Comments are moderated by those officials
 * or by the portal's moderators (admins act as moderators, as in live inquiry).
 */
final class ConsultationAccess {

    private ConsultationAccess() {
    }

    static boolean isDepartmentOfficial(PortalUser user, long departmentId) {
        return user != null && user.has(Role.OFFICIAL) && user.departmentId() != null && user.departmentId() == departmentId;
    }

    /**
     * Whether the caller may see a consultation at all: an unpublished draft only its department's
     * officials; a withdrawn one also the moderators; any other everyone.
     */
    static boolean maySee(PortalUser user, long departmentId, boolean published, String status) {
        if (!published) {
            return isDepartmentOfficial(user, departmentId);
        }
        return !status.equals("withdrawn") || canModerate(user, departmentId);
    }

    static boolean canModerate(PortalUser user, long departmentId) {
        return user != null && (user.has(Role.MODERATOR) || user.has(Role.ADMIN) || isDepartmentOfficial(user, departmentId));
    }

    /** Citizens and enterprises take part; staff answer for the government and do not. */
    static boolean canComment(PortalUser user) {
        return user != null && (user.has(Role.CITIZEN) || user.has(Role.ENTERPRISE));
    }

    static void requireSignedIn(PortalUser user) {
        if (user == null) {
            throw ProblemException.unauthenticated();
        }
    }

    static void requireDepartmentOfficial(PortalUser user, long departmentId) {
        requireSignedIn(user);
        if (!isDepartmentOfficial(user, departmentId)) {
            throw ProblemException.forbidden();
        }
    }

    static void requireModerator(PortalUser user, long departmentId) {
        requireSignedIn(user);
        if (!canModerate(user, departmentId)) {
            throw ProblemException.forbidden();
        }
    }
}
