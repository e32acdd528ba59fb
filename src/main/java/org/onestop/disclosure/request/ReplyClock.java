package org.onestop.disclosure.request;

import java.time.Instant;
import java.time.LocalDate;
import org.onestop.platform.calendar.WorkingCalendar;

/**
 * The statutory reply clock of a request on a working-day calendar (see the package description
 * for the rule). The due day counts in full: a request is overdue from the day after it.
 */
final class ReplyClock {

    /** 政府信息公开条例 art. 33 (2): reply within 20 working days of receipt. */
    static final int REPLY_DAYS = 20;
    /** ... extendable once by at most 20 working days. */
    static final int EXTENSION_DAYS = 20;
    /** An open request is nearly due when this many working days or fewer are left. */
    static final int NEARLY_DUE_DAYS = 3;

    private ReplyClock() {
    }

    /** When a request received at this instant counts as received, and when its reply is due. */
    record Start(LocalDate receivedOn, LocalDate countedFrom, LocalDate dueOn) {
    }

    /** How a request's clock stands today; {@code onTime} only once replied, {@code workingDaysLeft} only while open. */
    record Standing(LocalDate dueOn, Integer workingDaysLeft, boolean nearlyDue, boolean overdue, Boolean onTime) {
    }

    static Start start(WorkingCalendar calendar, Instant receivedAt) {
        LocalDate receivedOn = WorkingCalendar.receivedOn(receivedAt);
        LocalDate countedFrom = calendar.firstWorkingDayFrom(receivedOn);
        return new Start(receivedOn, countedFrom, calendar.addWorkingDays(countedFrom, REPLY_DAYS));
    }

    /** The due day after the one extension: 20 working days after the original due day. */
    static LocalDate extendedDue(WorkingCalendar calendar, LocalDate dueOn) {
        return calendar.addWorkingDays(dueOn, EXTENSION_DAYS);
    }

    /** An extension must be decided and told to the applicant before the original period runs out. */
    static boolean mayExtend(LocalDate dueOn, LocalDate today) {
        return !today.isAfter(dueOn);
    }

    static Standing standing(WorkingCalendar calendar, LocalDate dueOn, LocalDate repliedOn, LocalDate today) {
        if (repliedOn != null) {
            return new Standing(dueOn, null, false, false, !repliedOn.isAfter(dueOn));
        }
        boolean overdue = today.isAfter(dueOn);
        int left = calendar.workingDaysBetween(today, dueOn);
        return new Standing(dueOn, left, !overdue && left <= NEARLY_DUE_DAYS, overdue, null);
    }
}
