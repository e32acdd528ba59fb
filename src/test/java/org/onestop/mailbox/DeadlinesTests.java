package org.onestop.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onestop.platform.calendar.DayKind;
import org.onestop.platform.calendar.SpecialDay;
import org.onestop.platform.calendar.WorkingCalendar;
import org.springframework.util.unit.DataSize;

/**
 * Due dates and flags of each step of letters and petitions over a calendar with a public holiday on Wednesday 2027-05-05
 * and an adjusted working Saturday 2027-05-08 (the week of 5 to 10 May: Wed off, Sat worked).
 */
class DeadlinesTests {

    static final WorkingCalendar CALENDAR = WorkingCalendar.of(List.of(
            new SpecialDay(LocalDate.parse("2027-05-05"), DayKind.HOLIDAY, "测试节"),
            new SpecialDay(LocalDate.parse("2027-05-08"), DayKind.WORKDAY, "测试节")), Set.of(2027));

    static final MailboxProperties PROPERTIES = new MailboxProperties(2, 1,
            new MailboxProperties.ReplyDays(10, 15, 20, 15, 15), 2, Duration.ofDays(15), Duration.ofMinutes(10), 5,
            DataSize.ofMegabytes(5), 5, 30, Duration.ofMinutes(15));

    static final PetitionProperties PETITIONS = new PetitionProperties(15, 60, 30, PetitionProperties.DayCount.CALENDAR, 5);

    private final Deadlines deadlines = new Deadlines(PROPERTIES, PETITIONS);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    /** A letter's standing: its days are working days. */
    private static Deadlines.Standing working(LocalDate due, int left, boolean nearlyDue, boolean overdue) {
        return new Deadlines.Standing(due, left, left, "working", nearlyDue, overdue);
    }

    @Test
    void acceptStepSkipsTheHolidayAndCountsTheWorkingSaturday() {
        assertThat(day("2027-05-08").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.ACCEPT, LetterKind.HELP, day("2027-05-04")))
                .as("received Tuesday: Wednesday is off, so Thursday and Friday").isEqualTo(day("2027-05-07"));
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.ACCEPT, LetterKind.HELP, day("2027-05-07")))
                .as("received Friday: the worked Saturday, then Monday").isEqualTo(day("2027-05-10"));
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.ACCEPT, LetterKind.HELP, day("2027-05-05")))
                .as("received on the holiday: the day of receipt is not counted").isEqualTo(day("2027-05-07"));
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.DISPATCH, LetterKind.HELP, day("2027-05-07"))).isEqualTo(day("2027-05-08"));
    }

    @Test
    void replyStepDependsOnTheKind() {
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.REPLY, LetterKind.CONSULTATION, day("2027-05-07"))).isEqualTo(day("2027-05-20"));
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.REPLY, LetterKind.COMPLAINT, day("2027-05-07"))).isEqualTo(day("2027-05-27"));
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.REPLY, LetterKind.HELP, day("2027-05-07"))).isEqualTo(day("2027-05-27"));
        assertThat(deadlines.due(CALENDAR, Channel.MAILBOX, Step.REPLY, LetterKind.SUGGESTION, day("2027-05-04"))).isEqualTo(day("2027-06-01"));
    }

    @Test
    void nearlyDueWithTwoWorkingDaysLeftAndOverdueTheDayAfterTheDueDay() {
        LocalDate due = day("2027-05-10");
        assertThat(deadlines.standing(CALENDAR, Channel.MAILBOX, due, day("2027-05-06")))
                .as("Friday, Saturday (worked) and Monday left").isEqualTo(working(due, 3, false, false));
        assertThat(deadlines.standing(CALENDAR, Channel.MAILBOX, due, day("2027-05-07"))).isEqualTo(working(due, 2, true, false));
        assertThat(deadlines.standing(CALENDAR, Channel.MAILBOX, due, day("2027-05-09"))).as("Sunday").isEqualTo(working(due, 1, true, false));
        assertThat(deadlines.standing(CALENDAR, Channel.MAILBOX, due, day("2027-05-10"))).as("the due day counts in full")
                .isEqualTo(working(due, 0, true, false));
        assertThat(deadlines.standing(CALENDAR, Channel.MAILBOX, due, day("2027-05-11"))).isEqualTo(working(due, -1, false, true));
        assertThat(deadlines.standing(CALENDAR, Channel.MAILBOX, null, day("2027-05-11"))).isEqualTo(Deadlines.Standing.NONE);
    }

    @Test
    void pausedClockKeepsTheWorkingDaysLeftAndNeverMoreThanNoneWhenOverdue() {
        assertThat(deadlines.daysLeft(CALENDAR, Channel.MAILBOX, day("2027-05-10"), day("2027-05-04"))).as("Thu, Fri, Sat, Mon").isEqualTo(4);
        assertThat(deadlines.daysLeft(CALENDAR, Channel.MAILBOX, day("2027-05-10"), day("2027-05-12"))).isZero();
        assertThat(CALENDAR.addWorkingDays(day("2027-05-12"), 4)).as("resumed on the 12th").isEqualTo(day("2027-05-18"));
    }

    @Test
    void petitionAcceptanceIsDueFifteenCalendarDaysAfterReceiptAndAPeriodEndingOnARestDayRunsToTheNextWorkingDay() {
        assertThat(deadlines.due(CALENDAR, Channel.PETITION, Step.ACCEPT, LetterKind.HELP, day("2027-04-20")))
                .as("15 days after Tuesday 20 April is the holiday: the next working day").isEqualTo(day("2027-05-06"));
        assertThat(deadlines.due(CALENDAR, Channel.PETITION, Step.ACCEPT, LetterKind.HELP, day("2027-04-23")))
                .as("ending on the worked Saturday: that day").isEqualTo(day("2027-05-08"));
        assertThat(deadlines.due(CALENDAR, Channel.PETITION, Step.ACCEPT, LetterKind.HELP, day("2027-04-24")))
                .as("ending on a Sunday: Monday").isEqualTo(day("2027-05-10"));
    }

    @Test
    void petitionConclusionIsDueSixtyCalendarDaysAfterAcceptanceAndItsReviewThirty() {
        assertThat(deadlines.due(CALENDAR, Channel.PETITION, Step.DISPATCH, LetterKind.HELP, day("2027-03-09")))
                .as("the worked Saturday").isEqualTo(day("2027-05-08"));
        assertThat(deadlines.due(CALENDAR, Channel.PETITION, Step.REPLY, LetterKind.SUGGESTION, day("2027-03-06")))
                .as("the kind does not matter; the holiday moves it on").isEqualTo(day("2027-05-06"));
        assertThat(deadlines.reopenedDue(CALENDAR, Channel.PETITION, LetterKind.HELP, day("2027-04-05"))).isEqualTo(day("2027-05-06"));
        assertThat(deadlines.reopenedDue(CALENDAR, Channel.MAILBOX, LetterKind.CONSULTATION, day("2027-05-07")))
                .as("a letter gets its reply period again").isEqualTo(day("2027-05-20"));
    }

    @Test
    void petitionIsNearlyDueWithFiveCalendarDaysLeftAndOverdueTheDayAfterTheDueDay() {
        LocalDate due = day("2027-05-06");
        assertThat(deadlines.standing(CALENDAR, Channel.PETITION, due, day("2027-04-30")))
                .as("Friday: six days, three of them working days").isEqualTo(new Deadlines.Standing(due, 3, 6, "calendar", false, false));
        assertThat(deadlines.standing(CALENDAR, Channel.PETITION, due, day("2027-05-01")))
                .as("Monday, Tuesday and Thursday are the working days left").isEqualTo(new Deadlines.Standing(due, 3, 5, "calendar", true, false));
        assertThat(deadlines.standing(CALENDAR, Channel.PETITION, due, day("2027-05-06"))).as("the due day counts in full")
                .isEqualTo(new Deadlines.Standing(due, 0, 0, "calendar", true, false));
        assertThat(deadlines.standing(CALENDAR, Channel.PETITION, due, day("2027-05-07")))
                .isEqualTo(new Deadlines.Standing(due, -1, -1, "calendar", false, true));
    }

    @Test
    void pausedPetitionKeepsItsCalendarDaysLeft() {
        assertThat(deadlines.daysLeft(CALENDAR, Channel.PETITION, day("2027-05-10"), day("2027-05-04"))).isEqualTo(6);
        assertThat(deadlines.daysLeft(CALENDAR, Channel.PETITION, day("2027-05-10"), day("2027-05-12"))).isZero();
        assertThat(deadlines.resume(CALENDAR, Channel.PETITION, day("2027-04-29"), 6)).as("Wednesday the 5th is off")
                .isEqualTo(day("2027-05-06"));
    }

    @Test
    void petitionPeriodsCanBeCountedInWorkingDays() {
        Deadlines working = new Deadlines(PROPERTIES, new PetitionProperties(3, 4, 2, PetitionProperties.DayCount.WORKING, 1));
        assertThat(working.due(CALENDAR, Channel.PETITION, Step.ACCEPT, LetterKind.HELP, day("2027-05-04")))
                .as("Thursday, Friday and the worked Saturday").isEqualTo(day("2027-05-08"));
        assertThat(working.due(CALENDAR, Channel.PETITION, Step.REPLY, LetterKind.HELP, day("2027-05-04"))).isEqualTo(day("2027-05-10"));
        assertThat(working.standing(CALENDAR, Channel.PETITION, day("2027-05-10"), day("2027-05-07")))
                .isEqualTo(new Deadlines.Standing(day("2027-05-10"), 2, 2, "working", false, false));
        assertThat(working.standing(CALENDAR, Channel.PETITION, day("2027-05-10"), day("2027-05-09")))
                .isEqualTo(new Deadlines.Standing(day("2027-05-10"), 1, 1, "working", true, false));
    }
}
