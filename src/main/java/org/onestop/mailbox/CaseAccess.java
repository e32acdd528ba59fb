package org.onestop.mailbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.security.Role;
import org.onestop.web.ProblemException;

/**
 * Who may see and act on a case, the one place these rules live. Clerks (信箱办) triage the
 * mayor's mailbox and dispatch; an official acts for their department: triage of its own mailbox,
 * handling as lead, opinions as co-handler; supervisors and admins see every case and record
 * supervision notices. Staff who may not see a case get 404, as if it did not exist; staff who see
 * it but may not take this step get 403; a step the case's state does not allow is 409.
 */
final class CaseAccess {

    private static final EnumSet<CaseAction> STAFF_ACTIONS = EnumSet.range(CaseAction.ACCEPT, CaseAction.UNPUBLISH);

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

    /** Whether the user is one who takes this step on the case (a user who may see it; 403 otherwise). */
    static boolean takes(CaseAction action, Letter l, List<Long> cohandlers, PortalUser user) {
        return switch (action) {
            case ACCEPT, NOT_ACCEPT -> triages(l, user);
            case DISPATCH -> isClerk(user);
            case TRANSFER_BACK -> l.triageDepartmentId() != null && triages(l, user) || leads(l, user);
            case REQUEST_INFORMATION, REPLY -> leads(l, user);
            case OPINION -> cohandles(cohandlers, user);
            case NOTE -> true;
            case SUPERVISE -> isSupervisor(user);
            case PUBLISH, REDACT, UNPUBLISH -> isClerk(user) || leads(l, user);
            case SUPPLEMENT, RATE, REOPEN -> l.writerId() == user.id();
        };
    }

    /** Whether the case's status allows the step for this user (409 otherwise). */
    static boolean statusAllows(CaseAction action, Letter l, PortalUser user) {
        Status s = l.status();
        return switch (action) {
            case ACCEPT, NOT_ACCEPT -> s == Status.RECEIVED;
            case DISPATCH -> s == Status.ACCEPTED;
            // From a department's triage (a received letter it was written to), or from the lead department.
            case TRANSFER_BACK -> s == Status.HANDLING || s == Status.RECEIVED && l.triageDepartmentId() != null && triages(l, user);
            case REQUEST_INFORMATION, REPLY -> s == Status.HANDLING;
            case OPINION -> s == Status.HANDLING || s == Status.AWAITING_WRITER;
            case NOTE -> true;
            case SUPERVISE -> l.isOpen();
            case PUBLISH, REDACT, UNPUBLISH -> s == Status.REPLIED || s == Status.CLOSED;
            case SUPPLEMENT -> s == Status.AWAITING_WRITER;
            case RATE, REOPEN -> s == Status.REPLIED;
        };
    }

    /**
     * What else must hold for the step to succeed, beyond who and status; the steps answer each
     * with its own 409 code (e.g. {@code not_consented}, {@code reopen_used}).
     */
    static boolean ready(CaseAction action, Letter l, Instant now) {
        boolean windowOpen = l.ratingDueAt() != null && now.isBefore(l.ratingDueAt());
        return switch (action) {
            case PUBLISH -> !l.published() && l.consentToPublish() && !l.isPetition();
            case REDACT, UNPUBLISH -> l.published();
            case RATE -> windowOpen && !l.ratedSinceReply();
            case REOPEN -> windowOpen && l.ratedSinceReply() && l.satisfaction() != null && l.satisfaction() <= 2 && !l.reopened();
            default -> true;
        };
    }

    /** The staff steps this user may take on the case now; none when they may not see it. */
    static List<String> allowedStaffActions(Letter l, List<Long> cohandlers, PortalUser user, Instant now) {
        return allowed(STAFF_ACTIONS, l, cohandlers, user, now, canView(l, cohandlers, user));
    }

    /** The writer's steps on their own case now. */
    static List<String> allowedWriterActions(Letter l, PortalUser writer, Instant now) {
        return allowed(EnumSet.range(CaseAction.SUPPLEMENT, CaseAction.REOPEN), l, List.of(), writer, now, true);
    }

    private static List<String> allowed(EnumSet<CaseAction> actions, Letter l, List<Long> cohandlers, PortalUser user,
            Instant now, boolean visible) {
        List<String> allowed = new ArrayList<>();
        if (!visible) {
            return allowed;
        }
        for (CaseAction a : actions) {
            if (takes(a, l, cohandlers, user) && statusAllows(a, l, user) && ready(a, l, now)) {
                allowed.add(a.code());
            }
        }
        return allowed;
    }

    /** 404 for a case the user may not see, 403 for a step they do not take, 409 for a status that does not allow it. */
    static void require(Letter letter, List<Long> cohandlers, PortalUser user, CaseAction action) {
        require(letter, cohandlers, user, takes(action, letter, cohandlers, user));
        if (!statusAllows(action, letter, user)) {
            throw ProblemException.state("letter_status");
        }
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
