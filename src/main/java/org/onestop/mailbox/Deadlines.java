package org.onestop.mailbox;

import java.time.LocalDate;
import org.onestop.platform.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Due dates of the mailbox's steps and the flags derived from them, on a given calendar. A step
 * started on day d with n working days is due on the n-th working day after d and is overdue from
 * the next day on (the due day counts in full).
 */
@Component
class Deadlines {

    private final MailboxProperties properties;

    Deadlines(MailboxProperties properties) {
        this.properties = properties;
    }

    /** How the clock of one case stands today. */
    record Standing(LocalDate dueOn, Integer workingDaysLeft, boolean nearlyDue, boolean overdue) {

        static final Standing NONE = new Standing(null, null, false, false);
    }

    int days(Step step, LetterKind kind) {
        return switch (step) {
            case ACCEPT -> properties.acceptDays();
            case DISPATCH -> properties.dispatchDays();
            case REPLY -> properties.replyDays().of(kind);
        };
    }

    LocalDate due(WorkingCalendar calendar, Step step, LetterKind kind, LocalDate startedOn) {
        return calendar.addWorkingDays(startedOn, days(step, kind));
    }

    /**
     * Working days left before the due day ends, never negative: what a paused clock keeps, so that
     * asking the writer for more information cannot turn an overdue case into one on time.
     */
    int daysLeft(WorkingCalendar calendar, LocalDate dueOn, LocalDate today) {
        return Math.max(0, calendar.workingDaysBetween(today, dueOn));
    }

    Standing standing(WorkingCalendar calendar, LocalDate dueOn, LocalDate today) {
        if (dueOn == null) {
            return Standing.NONE;
        }
        boolean overdue = today.isAfter(dueOn);
        int left = calendar.workingDaysBetween(today, dueOn);
        return new Standing(dueOn, left, !overdue && left <= properties.nearlyDueDays(), overdue);
    }
}
