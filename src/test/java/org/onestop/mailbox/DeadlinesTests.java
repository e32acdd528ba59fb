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
 * Due dates and flags of each step over a calendar with a public holiday on Wednesday 2027-05-05
 * and an adjusted working Saturday 2027-05-08 (the week of 5 to 10 May: Wed off, Sat worked).
 */
class DeadlinesTests {

    static final WorkingCalendar CALENDAR = WorkingCalendar.of(List.of(
            new SpecialDay(LocalDate.parse("2027-05-05"), DayKind.HOLIDAY, "测试节"),
            new SpecialDay(LocalDate.parse("2027-05-08"), DayKind.WORKDAY, "测试节")), Set.of(2027));

    static final MailboxProperties PROPERTIES = new MailboxProperties(2, 1,
            new MailboxProperties.ReplyDays(10, 15, 20, 15, 15), 2, Duration.ofDays(15), Duration.ofMinutes(10), 5,
            DataSize.ofMegabytes(5), 5, 30, Duration.ofMinutes(15));

    private final Deadlines deadlines = new Deadlines(PROPERTIES);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void acceptStepSkipsTheHolidayAndCountsTheWorkingSaturday() {
        assertThat(day("2027-05-08").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(deadlines.due(CALENDAR, Step.ACCEPT, LetterKind.HELP, day("2027-05-04")))
                .as("received Tuesday: Wednesday is off, so Thursday and Friday").isEqualTo(day("2027-05-07"));
        assertThat(deadlines.due(CALENDAR, Step.ACCEPT, LetterKind.HELP, day("2027-05-07")))
                .as("received Friday: the worked Saturday, then Monday").isEqualTo(day("2027-05-10"));
        assertThat(deadlines.due(CALENDAR, Step.ACCEPT, LetterKind.HELP, day("2027-05-05")))
                .as("received on the holiday: the day of receipt is not counted").isEqualTo(day("2027-05-07"));
        assertThat(deadlines.due(CALENDAR, Step.DISPATCH, LetterKind.HELP, day("2027-05-07"))).isEqualTo(day("2027-05-08"));
    }

    @Test
    void replyStepDependsOnTheKind() {
        assertThat(deadlines.due(CALENDAR, Step.REPLY, LetterKind.CONSULTATION, day("2027-05-07"))).isEqualTo(day("2027-05-20"));
        assertThat(deadlines.due(CALENDAR, Step.REPLY, LetterKind.COMPLAINT, day("2027-05-07"))).isEqualTo(day("2027-05-27"));
        assertThat(deadlines.due(CALENDAR, Step.REPLY, LetterKind.HELP, day("2027-05-07"))).isEqualTo(day("2027-05-27"));
        assertThat(deadlines.due(CALENDAR, Step.REPLY, LetterKind.SUGGESTION, day("2027-05-04"))).isEqualTo(day("2027-06-01"));
    }

    @Test
    void nearlyDueWithTwoWorkingDaysLeftAndOverdueTheDayAfterTheDueDay() {
        LocalDate due = day("2027-05-10");
        assertThat(deadlines.standing(CALENDAR, due, day("2027-05-06")))
                .as("Friday, Saturday (worked) and Monday left").isEqualTo(new Deadlines.Standing(due, 3, false, false));
        assertThat(deadlines.standing(CALENDAR, due, day("2027-05-07"))).isEqualTo(new Deadlines.Standing(due, 2, true, false));
        assertThat(deadlines.standing(CALENDAR, due, day("2027-05-09"))).as("Sunday").isEqualTo(new Deadlines.Standing(due, 1, true, false));
        assertThat(deadlines.standing(CALENDAR, due, day("2027-05-10"))).as("the due day counts in full")
                .isEqualTo(new Deadlines.Standing(due, 0, true, false));
        assertThat(deadlines.standing(CALENDAR, due, day("2027-05-11"))).isEqualTo(new Deadlines.Standing(due, -1, false, true));
        assertThat(deadlines.standing(CALENDAR, null, day("2027-05-11"))).isEqualTo(Deadlines.Standing.NONE);
    }

    @Test
    void pausedClockKeepsTheWorkingDaysLeftAndNeverMoreThanNoneWhenOverdue() {
        assertThat(deadlines.daysLeft(CALENDAR, day("2027-05-10"), day("2027-05-04"))).as("Thu, Fri, Sat, Mon").isEqualTo(4);
        assertThat(deadlines.daysLeft(CALENDAR, day("2027-05-10"), day("2027-05-12"))).isZero();
        assertThat(CALENDAR.addWorkingDays(day("2027-05-12"), 4)).as("resumed on the 12th").isEqualTo(day("2027-05-18"));
    }
}
