package org.onestop.mailbox;

import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;

/**
 * Who may see and act on a case. Clerks (信箱办) triage the mayor's mailbox and dispatch; an
 * official acts for their department: triage of its own mailbox, handling as lead, opinions as
 * co-handler; supervisors and admins see every case and record supervision notices. Staff who
 * may not see a case get 404, as if it did not exist; staff who see it but may not take this
 * step get 403.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static boolean isClerk(PortalUser user) {
        return user.has(Role.MAILBOX_CLERK);
    }

    static boolean isSupervisor(PortalUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.ADMIN);
    }

    /** The department an official acts for, or null for anyone else. */
    static Long department(PortalUser user) {
        return user.has(Role.OFFICIAL) ? user.departmentId() : null;
    }

    static boolean isWriter(PortalUser user) {
        return user.has(Role.CITIZEN) || user.has(Role.ENTERPRISE);
    }

    /** Refuses anyone who has no part in handling letters, before any case is looked up. */
    static void requireStaff(PortalUser user) {
        if (!isClerk(user) && !isSupervisor(user) && department(user) == null) {
            throw ProblemException.forbidden();
        }
    }

    static boolean canView(Letter letter, List<Long> cohandlers, PortalUser user) {
        if (isClerk(user) || isSupervisor(user)) {
            return true;
        }
        Long department = department(user);
        return department != null && (department.equals(letter.triageDepartmentId()) && letter.status() == Status.RECEIVED
                || department.equals(letter.leadDepartmentId()) || department.equals(letter.replyDepartmentId())
                || cohandlers.contains(department));
    }

    /** Whether the user triages this received letter: clerks for the city office, else the department's officials. */
    static boolean triages(Letter letter, PortalUser user) {
        return letter.triageDepartmentId() == null ? isClerk(user) : letter.triageDepartmentId().equals(department(user));
    }

    static boolean leads(Letter letter, PortalUser user) {
        Long department = department(user);
        return department != null && department.equals(letter.leadDepartmentId());
    }

    static boolean cohandles(List<Long> cohandlers, PortalUser user) {
        Long department = department(user);
        return department != null && cohandlers.contains(department);
    }

    /** 404 for a case the user may not see, 403 for a step they may not take on a case they see. */
    static void require(Letter letter, List<Long> cohandlers, PortalUser user, boolean allowed) {
        if (!canView(letter, cohandlers, user)) {
            throw notFound(letter.id());
        }
        if (!allowed) {
            throw ProblemException.forbidden();
        }
    }

    /** 409 when the case is not in the status this step starts from. */
    static void requireStatus(Letter letter, Status status) {
        if (letter.status() != status) {
            throw ProblemException.state("letter_status");
        }
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("letter", id);
    }
}
