package org.onestop.disclosure.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onestop.platform.calendar.DayKind;
import org.onestop.platform.calendar.SpecialDay;
import org.onestop.platform.calendar.WorkingCalendar;

/**
 * The reply clock on a small calendar: Monday 4 May 2026 is a holiday (with 1 May), Saturday
 * 9 May is worked. Expected days are counted by hand in each test.
 */
class ReplyClockTests {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.of(List.of(
            new SpecialDay(LocalDate.parse("2026-05-01"), DayKind.HOLIDAY, "劳动节"),
            new SpecialDay(LocalDate.parse("2026-05-04"), DayKind.HOLIDAY, "劳动节"),
            new SpecialDay(LocalDate.parse("2026-05-05"), DayKind.HOLIDAY, "劳动节"),
            new SpecialDay(LocalDate.parse("2026-05-09"), DayKind.WORKDAY, "劳动节")), List.of(2026));

    private static ReplyClock.Start receivedAt(String cityTime) {
        return ReplyClock.start(CALENDAR, ZonedDateTime.of(java.time.LocalDateTime.parse(cityTime), ZoneId.of("Asia/Shanghai"))
                .toInstant());
    }

    @Test
    void dueWhenReceivedOnWorkingDayThenTwentiethWorkingDayAfterIt() {
        // Thu 30 Apr received; 6 (1), 7, 8, 9 Sat worked (4), 11-15 (9), 18-22 (14), 25-29 (19), 1 Jun (20).
        ReplyClock.Start start = receivedAt("2026-04-30T16:00");
        assertThat(start.countedFrom()).isEqualTo("2026-04-30");
        assertThat(start.dueOn()).isEqualTo("2026-06-01");
    }

    @Test
    void dueWhenReceivedOnHolidayThenCountedFromNextWorkingDay() {
        // Received on the holiday Fri 1 May: counts as received Wed 6 May; 7 (1), 8, 9 (3), 11-15 (8),
        // 18-22 (13), 25-29 (18), 1 Jun (19), 2 Jun (20).
        ReplyClock.Start start = receivedAt("2026-05-01T09:30");
        assertThat(start.receivedOn()).isEqualTo("2026-05-01");
        assertThat(start.countedFrom()).isEqualTo("2026-05-06");
        assertThat(start.dueOn()).isEqualTo("2026-06-02");
    }

    @Test
    void receivedOnIsTheCityDateEvenLateAtNight() {
        // 23:30 in Qingdao on Thu 30 Apr is 15:30 UTC the same day; 00:30 on Wed 6 May is still 5 May in UTC.
        assertThat(receivedAt("2026-04-30T23:30").countedFrom()).isEqualTo("2026-04-30");
        assertThat(receivedAt("2026-05-06T00:30").countedFrom()).isEqualTo("2026-05-06");
    }

    @Test
    void extensionAddsTwentyWorkingDaysAfterTheOriginalDueDay() {
        // After Mon 1 Jun: 2-5 (4), 8-12 (9), 15-19 (14), 22-26 (19), 29 Jun (20); no holiday in June here.
        assertThat(ReplyClock.extendedDue(CALENDAR, LocalDate.parse("2026-06-01"))).isEqualTo("2026-06-29");
    }

    @Test
    void extensionAllowedThroughTheDueDayOnly() {
        assertThat(ReplyClock.mayExtend(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-01"))).isTrue();
        assertThat(ReplyClock.mayExtend(LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-02"))).isFalse();
    }

    @Test
    void standingFlagsNearlyDueThenOverdueFromTheDayAfterTheDueDay() {
        LocalDate due = LocalDate.parse("2026-05-11");
        ReplyClock.Standing early = ReplyClock.standing(CALENDAR, due, null, LocalDate.parse("2026-04-30"));
        // 6, 7, 8, 9 (Sat worked), 11: five working days left.
        assertThat(early.workingDaysLeft()).isEqualTo(5);
        assertThat(early.nearlyDue()).isFalse();
        ReplyClock.Standing near = ReplyClock.standing(CALENDAR, due, null, LocalDate.parse("2026-05-07"));
        assertThat(near.workingDaysLeft()).isEqualTo(3);
        assertThat(near.nearlyDue()).isTrue();
        ReplyClock.Standing dueDay = ReplyClock.standing(CALENDAR, due, null, due);
        assertThat(dueDay.overdue()).isFalse();
        assertThat(dueDay.nearlyDue()).isTrue();
        ReplyClock.Standing late = ReplyClock.standing(CALENDAR, due, null, LocalDate.parse("2026-05-12"));
        assertThat(late.overdue()).isTrue();
        assertThat(late.nearlyDue()).isFalse();
        assertThat(late.workingDaysLeft()).isEqualTo(-1);
    }

    @Test
    void standingOfRepliedRequestSaysOnTimeAndNeverOverdue() {
        LocalDate due = LocalDate.parse("2026-05-11");
        ReplyClock.Standing onTime = ReplyClock.standing(CALENDAR, due, due, LocalDate.parse("2026-07-01"));
        assertThat(onTime.onTime()).isTrue();
        assertThat(onTime.overdue()).isFalse();
        ReplyClock.Standing late = ReplyClock.standing(CALENDAR, due, LocalDate.parse("2026-05-12"), LocalDate.parse("2026-07-01"));
        assertThat(late.onTime()).isFalse();
        assertThat(late.workingDaysLeft()).isNull();
    }
}
