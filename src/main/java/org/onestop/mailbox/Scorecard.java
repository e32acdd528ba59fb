package org.onestop.mailbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.onestop.account.Department;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The departments' yearly scorecard (考核), ranked by a composite score of 0 to 100:
 * <pre>
 * score = 30 × replyRate + 30 × onTimeRate + 25 × satisfaction + 15 × speed
 *   replyRate    = replied / received
 *   onTimeRate   = replied on time / replied             (0 when nothing was replied)
 *   satisfaction = (average satisfaction − 1) / 4        (0.5, neutral, when no reply was rated)
 *   speed        = max(0, 1 − average working days / 20) (0 when nothing was replied)
 * </pre>
 * Answering and answering on time weigh most, because that is what the city judges the mailbox
 * by; 20 working days is the longest reply period, so a department answering on its last day
 * scores nothing for speed. Unrated replies count as neutral so that writers who do not rate
 * neither help nor hurt. Departments with no letter that year are not ranked. The score is
 * rounded to two decimals; equal scores share a rank (1, 1, 3), and are listed by letters
 * received, then department code.
 */
@Service
class Scorecard {

    static final String FORMULA = "30×replyRate + 30×onTimeRate + 25×(avgSatisfaction−1)/4 + 15×max(0, 1−avgWorkingDays/20)";

    private final MailboxStatistics statistics;
    private final PublicQuery query;

    Scorecard(MailboxStatistics statistics, PublicQuery query) {
        this.statistics = statistics;
        this.query = query;
    }

    /** One ranked department with the figures of its score. */
    record Entry(int rank, Department department, double score, long received, long replied, double replyRate,
            Double onTimeRate, Double averageWorkingDays, Double averageSatisfaction) {
    }

    record Card(int year, String formula, List<Entry> departments) {
    }

    Mono<Card> card(String rawYear) {
        return Mono.defer(() -> {
            int year = query.year(rawYear);
            var months = new PublicQuery.Months(YearMonth.of(year, 1), YearMonth.of(year, 12));
            return statistics.statistics(months, Optional.empty(), null).map(s -> new Card(year, FORMULA, rank(s.byDepartment())));
        });
    }

    static List<Entry> rank(List<MailboxStatistics.Row> rows) {
        List<Entry> unranked = new ArrayList<>();
        for (MailboxStatistics.Row r : rows) {
            if (r.department() == null || r.received() == 0) {
                continue;
            }
            double replyRate = (double) r.replied() / r.received();
            unranked.add(new Entry(0, r.department(), score(r), r.received(), r.replied(),
                    BigDecimal.valueOf(replyRate).setScale(4, RoundingMode.HALF_UP).doubleValue(), r.onTimeRate(),
                    r.averageWorkingDays(), r.averageSatisfaction()));
        }
        unranked.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(Comparator.comparingLong(Entry::received).reversed())
                .thenComparing(e -> e.department().code()));
        List<Entry> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Entry e = unranked.get(i);
            int rank = i > 0 && unranked.get(i - 1).score() == e.score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Entry(rank, e.department(), e.score(), e.received(), e.replied(), e.replyRate(), e.onTimeRate(),
                    e.averageWorkingDays(), e.averageSatisfaction()));
        }
        return ranked;
    }

    /** The documented score from the figures as published (counts, and averages rounded to two decimals), so anyone can recompute it. */
    static double score(MailboxStatistics.Row r) {
        double replyRate = (double) r.replied() / r.received();
        double onTime = r.replied() == 0 ? 0 : (double) r.onTime() / r.replied();
        double satisfaction = r.averageSatisfaction() == null ? 0.5 : (r.averageSatisfaction() - 1) / 4;
        double speed = r.averageWorkingDays() == null ? 0 : Math.max(0, 1 - r.averageWorkingDays() / 20);
        double score = 30 * replyRate + 30 * onTime + 25 * satisfaction + 15 * speed;
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
