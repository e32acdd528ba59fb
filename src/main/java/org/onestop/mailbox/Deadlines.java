package org.onestop.mailbox;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.onestop.platform.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Due dates of each channel's steps and the flags derived from them, on a given calendar. Letters
 * count working days ({@link MailboxProperties}); petitions their own statutory periods
 * ({@link PetitionProperties}). A step started on day d with n days is due on the n-th day after d
 * and is overdue from the next day on (the due day counts in full).
 */
@Component
class Deadlines {

    private final MailboxProperties mailbox;
    private final PetitionProperties petition;

    Deadlines(MailboxProperties mailbox, PetitionProperties petition) {
        this.mailbox = mailbox;
        this.petition = petition;
    }

    /**
     * How the clock of one case stands today: working days left, and the days left as the channel
     * counts them ({@code counted}: working or calendar), which the nearly-due flag is judged by.
     */
    record Standing(LocalDate dueOn, Integer workingDaysLeft, Integer daysLeft, String counted, boolean nearlyDue,
            boolean overdue) {

        static final Standing NONE = new Standing(null, null, null, null, false, false);
    }

    /** The due date of a step of this channel started on {@code startedOn}. */
    LocalDate due(WorkingCalendar calendar, Channel channel, Step step, LetterKind kind, LocalDate startedOn) {
        if (channel == Channel.PETITION) {
            return add(calendar, Channel.PETITION, startedOn, step == Step.ACCEPT ? petition.acceptDays() : petition.concludeDays());
        }
        int days = switch (step) {
            case ACCEPT -> mailbox.acceptDays();
            case DISPATCH -> mailbox.dispatchDays();
            case REPLY -> mailbox.replyDays().of(kind);
        };
        return calendar.addWorkingDays(startedOn, days);
    }

    /** The reply step's due date after the writer reopened the case: a petition's review period, a letter's reply period. */
    LocalDate reopenedDue(WorkingCalendar calendar, Channel channel, LetterKind kind, LocalDate today) {
        return channel == Channel.PETITION ? add(calendar, channel, today, petition.reviewDays())
                : due(calendar, channel, Step.REPLY, kind, today);
    }

    /**
     * Days left before the due day ends, as the channel counts them, never negative: what a paused
     * clock keeps, so that asking the writer for more cannot turn an overdue case into one on time.
     */
    int daysLeft(WorkingCalendar calendar, Channel channel, LocalDate dueOn, LocalDate today) {
        return Math.max(0, between(calendar, channel, today, dueOn));
    }

    /** The due date of a paused clock resumed today with the days it kept. */
    LocalDate resume(WorkingCalendar calendar, Channel channel, LocalDate today, int daysLeft) {
        return add(calendar, channel, today, daysLeft);
    }

    Standing standing(WorkingCalendar calendar, Channel channel, LocalDate dueOn, LocalDate today) {
        if (dueOn == null) {
            return Standing.NONE;
        }
        boolean overdue = today.isAfter(dueOn);
        int working = calendar.workingDaysBetween(today, dueOn);
        int left = between(calendar, channel, today, dueOn);
        int nearly = channel == Channel.PETITION ? petition.nearlyDueDays() : mailbox.nearlyDueDays();
        return new Standing(dueOn, working, left, counted(channel), !overdue && left <= nearly, overdue);
    }

    private boolean calendarDays(Channel channel) {
        return channel == Channel.PETITION && petition.counted() == PetitionProperties.DayCount.CALENDAR;
    }

    private String counted(Channel channel) {
        return calendarDays(channel) ? "calendar" : "working";
    }

    /** n days after {@code start}; in calendar days a period ending on a rest day runs to the next working day. */
    private LocalDate add(WorkingCalendar calendar, Channel channel, LocalDate start, int n) {
        return calendarDays(channel) ? calendar.firstWorkingDayFrom(start.plusDays(n)) : calendar.addWorkingDays(start, n);
    }

    private int between(WorkingCalendar calendar, Channel channel, LocalDate from, LocalDate to) {
        return calendarDays(channel) ? Math.toIntExact(ChronoUnit.DAYS.between(from, to)) : calendar.workingDaysBetween(from, to);
    }
}
