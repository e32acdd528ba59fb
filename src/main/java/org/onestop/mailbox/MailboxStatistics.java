package org.onestop.mailbox;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onestop.account.Department;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingCalendar;
import org.onestop.platform.calendar.WorkingDays;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The mailbox's public statistics by month received, responsible department and kind: letters
 * received, replied, replied on time (the reply's city date on or before the reply step's due
 * date), average working days from receipt to reply, and average satisfaction. Letters are counted
 * in the month they were received, so a month's figures settle as its letters are answered.
 *
 * <p>Only the mailbox channel is counted; petitions (网上信访) are left out. Their clock is
 * statutory and counted in calendar days from receipt and acceptance, so their on-time rates and
 * working days would not be comparable with letters' and would skew the departments' scorecard;
 * and petitioners' matters are handled in confidence (信访工作条例), so they are not published
 * letter by letter either. Petition figures belong in the petition office's own reporting.
 */
@Service
class MailboxStatistics {

    /** Days past the range (and today) whose working-day numbers are passed, for replies after the range. */
    private static final int TAIL_DAYS = 62;

    private final StatisticsStore store;
    private final PublicQuery query;
    private final MailboxDepartments departments;
    private final WorkingDays workingDays;
    private final Clock clock;

    MailboxStatistics(StatisticsStore store, PublicQuery query, MailboxDepartments departments, WorkingDays workingDays,
            Clock clock) {
        this.store = store;
        this.query = query;
        this.departments = departments;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * The figures of one group; a null month, department or kind in a roll-up means all of them
     * ({@code department} is also null for letters still with the city office). Rates are 0 to 1;
     * averages are null when nothing was replied or rated.
     */
    record Row(String month, Department department, String kind, long received, long replied, long onTime, Double onTimeRate,
            Double averageWorkingDays, long rated, Double averageSatisfaction) {
    }

    /** Every detail row (month × department × kind) and the roll-ups. */
    record Statistics(String from, String to, String department, String kind, List<Row> rows, List<Row> byMonth,
            List<Row> byDepartment, List<Row> byKind, Row total) {
    }

    Mono<Statistics> statistics(String rawFrom, String rawTo, String rawDepartment, String rawKind) {
        return Mono.defer(() -> {
            PublicQuery.Months months = query.months(rawFrom, rawTo);
            LetterKind kind = query.kind(rawKind);
            return query.department(rawDepartment).flatMap(department -> statistics(months, department, kind));
        });
    }

    Mono<Statistics> statistics(PublicQuery.Months months, Optional<Department> department, LetterKind kind) {
        return Mono.zip(workingDays.calendar(), departments.all()).flatMap(t -> {
            LocalDate first = months.from().atDay(1).minusDays(1);
            LocalDate last = latest(months.to().atEndOfMonth(), CityTime.today(clock)).plusDays(TAIL_DAYS);
            int n = Math.toIntExact(last.toEpochDay() - first.toEpochDay()) + 1;
            LocalDate[] days = new LocalDate[n];
            Integer[] index = new Integer[n];
            WorkingCalendar calendar = t.getT1();
            int running = 0;
            for (int i = 0; i < n; i++) {
                days[i] = first.plusDays(i);
                // The running count makes index(b) - index(a) the calendar's workingDaysBetween(a, b).
                running += i > 0 && calendar.isWorkingDay(days[i]) ? 1 : 0;
                index[i] = running;
            }
            var q = new StatisticsStore.Query(months.start(), months.end(), department.map(Department::id).orElse(null), kind,
                    days, index);
            Map<Long, Department> byId = t.getT2();
            return store.groups(q).collectList().map(groups -> {
                List<Row> rows = new ArrayList<>();
                List<Row> byMonth = new ArrayList<>();
                List<Row> byDepartment = new ArrayList<>();
                List<Row> byKind = new ArrayList<>();
                Row total = row(new StatisticsStore.Group(false, false, false, null, null, null, 0, 0, 0, 0, 0, 0, 0), byId);
                for (StatisticsStore.Group g : groups) {
                    Row row = row(g, byId);
                    if (g.byMonth() && g.byDepartment() && g.byKind()) {
                        rows.add(row);
                    } else if (g.byMonth()) {
                        byMonth.add(row);
                    } else if (g.byDepartment()) {
                        byDepartment.add(row);
                    } else if (g.byKind()) {
                        byKind.add(row);
                    } else {
                        total = row;
                    }
                }
                return new Statistics(months.from().toString(), months.to().toString(), department.map(Department::code).orElse(null),
                        kind == null ? null : kind.code(), rows, byMonth, byDepartment, byKind, total);
            });
        });
    }

    private static Row row(StatisticsStore.Group g, Map<Long, Department> departments) {
        return new Row(g.month(), g.departmentId() == null ? null : departments.get(g.departmentId()), g.kind(), g.received(),
                g.replied(), g.onTime(), ratio(g.onTime(), g.replied(), 4), ratio(g.handlingDays(), g.handled(), 2), g.rated(),
                ratio(g.satisfactionSum(), g.rated(), 2));
    }

    /** a / b rounded half up to the given decimals; null when b is 0. */
    static Double ratio(long a, long b, int decimals) {
        if (b == 0) {
            return null;
        }
        return java.math.BigDecimal.valueOf(a).divide(java.math.BigDecimal.valueOf(b), decimals, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
