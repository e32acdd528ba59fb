package org.onestop.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The counting rules on the State Council's 2026 schedule, built here from the notice's own ranges. */
class WorkingCalendarTests {

    /** 国务院办公厅关于2026年部分节假日安排的通知: each festival's days off and its worked weekend days. */
    static final WorkingCalendar CAL_2026 = fromNotice(2026,
            festival("元旦", "2026-01-01", "2026-01-03", "2026-01-04"),
            festival("春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"),
            festival("清明节", "2026-04-04", "2026-04-06"),
            festival("劳动节", "2026-05-01", "2026-05-05", "2026-05-09"),
            festival("端午节", "2026-06-19", "2026-06-21"),
            festival("中秋节", "2026-09-25", "2026-09-27"),
            festival("国庆节", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10"));

    private record Festival(String name, LocalDate first, LocalDate last, List<LocalDate> worked) {
    }

    private static Festival festival(String name, String first, String last, String... worked) {
        return new Festival(name, LocalDate.parse(first), LocalDate.parse(last), List.of(worked).stream().map(LocalDate::parse).toList());
    }

    /** Weekend days inside a break are off anyway, so only its weekdays become holidays, as stored. */
    private static WorkingCalendar fromNotice(int year, Festival... festivals) {
        List<SpecialDay> days = new ArrayList<>();
        for (Festival f : festivals) {
            for (LocalDate d = f.first(); !d.isAfter(f.last()); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    days.add(new SpecialDay(d, DayKind.HOLIDAY, f.name()));
                }
            }
            f.worked().forEach(d -> days.add(new SpecialDay(d, DayKind.WORKDAY, f.name())));
        }
        return WorkingCalendar.of(days, Set.of(year));
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidayOnAWeekdayIsSkipped() {
        LocalDate dragonBoat = date("2026-06-19");
        assertThat(dragonBoat.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(CAL_2026.isWorkingDay(dragonBoat)).isFalse();
        assertThat(CAL_2026.addWorkingDays(date("2026-06-18"), 1)).as("Friday off, then the weekend").isEqualTo(date("2026-06-22"));
    }

    @Test
    void adjustedWorkingSaturdayCounts() {
        LocalDate saturday = date("2026-02-14");
        assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(CAL_2026.isWorkingDay(saturday)).isTrue();
        assertThat(CAL_2026.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(saturday);
        assertThat(CAL_2026.addWorkingDays(date("2026-10-09"), 1)).isEqualTo(date("2026-10-10"));
        assertThat(CAL_2026.addWorkingDays(date("2026-09-18"), 1)).as("the worked Sunday before 国庆").isEqualTo(date("2026-09-20"));
    }

    @Test
    void dayOfReceiptIsNotCounted() {
        LocalDate monday = date("2026-03-02");
        assertThat(CAL_2026.isWorkingDay(monday)).isTrue();
        assertThat(CAL_2026.addWorkingDays(monday, 1)).isEqualTo(monday.plusDays(1));
        assertThat(CAL_2026.addWorkingDays(monday, 5)).isEqualTo(monday.plusDays(7));
        assertThat(CAL_2026.addWorkingDays(monday, 0)).as("settled on the spot").isEqualTo(monday);
    }

    @Test
    void deadlineCrossingSpringFestival2026SkipsTheBreakAndCountsBothWorkedSaturdays() {
        LocalDate friday = date("2026-02-13");
        // Day 1 is the worked Saturday 14th; 15th to 23rd are off; days 2 to 5 are the 24th to the 27th.
        assertThat(CAL_2026.addWorkingDays(friday, 5)).isEqualTo(date("2026-02-27"));
        // 20 working days (政府信息公开 reply period): the worked Saturday 28th is day 6.
        assertThat(CAL_2026.addWorkingDays(friday, 6)).isEqualTo(date("2026-02-28"));
        assertThat(CAL_2026.addWorkingDays(friday, 20)).isEqualTo(date("2026-03-19"));
    }

    @Test
    void deadlineCrossingNationalDay2026SkipsTheBreakAndCountsTheWorkedSaturday() {
        LocalDate wednesday = date("2026-09-30");
        assertThat(CAL_2026.addWorkingDays(wednesday, 1)).isEqualTo(date("2026-10-08"));
        assertThat(CAL_2026.addWorkingDays(wednesday, 3)).as("8th, 9th and the worked 10th").isEqualTo(date("2026-10-10"));
        assertThat(CAL_2026.addWorkingDays(wednesday, 20)).isEqualTo(date("2026-11-03"));
    }

    @Test
    void receiptOnAHolidayCountsFromTheNextWorkingDay() {
        assertThat(CAL_2026.addWorkingDays(date("2026-10-01"), 1)).isEqualTo(date("2026-10-08"));
        assertThat(CAL_2026.addWorkingDays(date("2026-02-16"), 1)).isEqualTo(date("2026-02-24"));
        assertThat(CAL_2026.firstWorkingDayFrom(date("2026-10-01"))).isEqualTo(date("2026-10-08"));
    }

    @Test
    void receiptOnAWeekendCountsFromTheNextWorkingDay() {
        assertThat(CAL_2026.addWorkingDays(date("2026-03-07"), 1)).as("Saturday, then Monday").isEqualTo(date("2026-03-09"));
        assertThat(CAL_2026.addWorkingDays(date("2026-02-15"), 1)).as("Sunday inside 春节").isEqualTo(date("2026-02-24"));
        assertThat(CAL_2026.firstWorkingDayFrom(date("2026-02-14"))).as("a worked Saturday is itself").isEqualTo(date("2026-02-14"));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAddWorkingDays() {
        for (LocalDate start = date("2025-12-01"); start.isBefore(date("2027-02-01")); start = start.plusDays(1)) {
            for (int n = 0; n <= 30; n++) {
                LocalDate due = CAL_2026.addWorkingDays(start, n);
                assertThat(CAL_2026.workingDaysBetween(start, due)).as("%s + %d", start, n).isEqualTo(n);
                assertThat(CAL_2026.workingDaysBetween(due, start)).isEqualTo(-n);
                if (n > 0) {
                    assertThat(CAL_2026.workingDaysBetween(start, due.minusDays(1))).as("the day before is not yet due")
                            .isEqualTo(n - 1);
                }
            }
        }
    }

    @Test
    void workingDaysBetweenCountsTheWorkingDaysAfterFromThroughTo() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = date("2026-01-20"); d.isBefore(date("2026-03-10")); d = d.plusDays(3)) {
            days.add(d);
        }
        // Around 1970-01-01 too, where the epoch day changes sign.
        for (LocalDate d = date("1969-12-20"); d.isBefore(date("1970-01-15")); d = d.plusDays(1)) {
            days.add(d);
        }
        for (LocalDate from : days) {
            for (LocalDate to : days) {
                if (!to.isBefore(from)) {
                    int walked = 0;
                    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                        walked += CAL_2026.isWorkingDay(d) ? 1 : 0;
                    }
                    assertThat(CAL_2026.workingDaysBetween(from, to)).as("%s to %s", from, to).isEqualTo(walked);
                }
            }
        }
    }

    @Test
    void yearWithoutDataFallsBackToMondayToFriday() {
        assertThat(CAL_2026.isPublished(2026)).isTrue();
        assertThat(CAL_2026.isPublished(2027)).isFalse();
        assertThat(CAL_2026.daysOf(2027)).isEmpty();
        LocalDate newYear2027 = date("2027-01-01");
        assertThat(newYear2027.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(CAL_2026.isWorkingDay(newYear2027)).as("no data yet, so a plain Friday").isTrue();
        assertThat(CAL_2026.addWorkingDays(date("2026-12-31"), 1)).isEqualTo(newYear2027);
        assertThat(CAL_2026.addWorkingDays(newYear2027, 1)).isEqualTo(date("2027-01-04"));
        assertThat(CAL_2026.isPublished(date("2026-12-31"), newYear2027)).isFalse();
        assertThat(CAL_2026.isPublished(date("2026-02-13"), date("2026-02-27"))).isTrue();
        assertThat(WorkingCalendar.MONDAY_TO_FRIDAY.addWorkingDays(date("2026-09-30"), 3)).isEqualTo(date("2026-10-05"));
    }

    @Test
    void deadlineEndsAtMidnightInCityTimeOfTheDueDay() {
        // 23:30 on Friday the 13th in Beijing is still the 13th there, though the server may be in UTC.
        Instant lateFriday = Instant.parse("2026-02-13T15:30:00Z");
        assertThat(CAL_2026.deadline(lateFriday, 1).toOffsetDateTime())
                .isEqualTo(date("2026-02-15").atStartOfDay().atOffset(ZoneOffset.ofHours(8)));
        // 00:30 on the 14th in Beijing: received on the worked Saturday, so day 1 is after 春节.
        Instant earlySaturday = Instant.parse("2026-02-13T16:30:00Z");
        assertThat(WorkingCalendar.receivedOn(earlySaturday)).isEqualTo(date("2026-02-14"));
        assertThat(CAL_2026.deadline(earlySaturday, 1).toInstant()).isEqualTo(Instant.parse("2026-02-24T16:00:00Z"));
    }

    @Test
    void daysOfAYearAreInDateOrder() {
        List<SpecialDay> days = CAL_2026.daysOf(2026);
        assertThat(days).hasSize(25);
        assertThat(days).extracting(SpecialDay::date).isSorted();
        assertThat(days).filteredOn(d -> d.kind() == DayKind.WORKDAY).hasSize(6)
                .allSatisfy(d -> assertThat(d.date().getDayOfWeek().getValue()).isGreaterThan(5));
    }

    @Test
    void countsOutsideTheBoundsAndDuplicateDaysAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CAL_2026.addWorkingDays(date("2026-03-02"), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> CAL_2026.addWorkingDays(date("2026-03-02"),
                WorkingCalendar.MAX_WORKING_DAYS + 1));
        SpecialDay day = new SpecialDay(date("2026-03-02"), DayKind.HOLIDAY, "测试");
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingCalendar.of(List.of(day, day), Set.of(2026)));
    }
}
