package org.onestop.disclosure.request;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.platform.CityTime;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The figures of disclosure on request for the yearly disclosure report (政府信息公开工作年度报告):
 * requests received and carried over, outcomes, the on-time rate and extensions, for the whole
 * city or one department. See {@link FiguresStore} for what counts in which year.
 */
@Service("disclosureRequestAnnualFigures")
class AnnualFigures {

    private final FiguresStore store;
    private final Departments departments;
    private final Clock clock;

    AnnualFigures(FiguresStore store, Departments departments, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.clock = clock;
    }

    /** One group's figures; {@code onTimeRate} is 0 to 1 (four decimals), null when nothing was replied. */
    record Figures(RequestViews.Named department, long received, long carriedOver, long replied, Map<String, Long> outcomes,
            long onTime, BigDecimal onTimeRate, long extended, long carriedForward) {
    }

    record GroundFigure(RequestViews.Ground ground, long refused) {
    }

    record Report(int year, RequestViews.Named department, Figures total, List<Figures> byDepartment,
            List<GroundFigure> refusedByGround) {
    }

    Mono<Report> report(String rawYear, String rawDepartment) {
        return Mono.defer(() -> {
            int year = year(rawYear);
            return department(rawDepartment).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(d -> report(year, d.orElse(null)));
        });
    }

    private Mono<Report> report(int year, Department department) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Long id = department == null ? null : department.id();
        Mono<Map<Long, Department>> all = departments.all(null).collect(Collectors.toMap(Department::id, Function.identity()));
        return Mono.zip(store.counts(first, last, id).collectList(), store.refusedByGround(first, last, id).collectList(), all)
                .map(t -> {
                    List<Figures> rows = t.getT1().stream().map(c -> figures(c, t.getT3())).toList();
                    List<GroundFigure> grounds = t.getT2().stream().map(g -> new GroundFigure(groundView(g.ground()), g.count()))
                            .toList();
                    return new Report(year, department == null ? null : RequestViewer.named(department, department.id()),
                            rows.getLast(), rows.subList(0, rows.size() - 1), grounds);
                });
    }

    private static Figures figures(FiguresStore.Counts c, Map<Long, Department> departments) {
        RequestViews.Named named = c.departmentId() == null ? null
                : RequestViewer.named(departments.get(c.departmentId()), c.departmentId());
        Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
        outcomes.put(Outcome.DISCLOSED.code(), c.disclosed());
        outcomes.put(Outcome.PARTIALLY_DISCLOSED.code(), c.partiallyDisclosed());
        outcomes.put(Outcome.NOT_HELD.code(), c.notHeld());
        outcomes.put(Outcome.REFUSED.code(), c.refused());
        return new Figures(named, c.received(), c.carriedOver(), c.replied(), outcomes, c.onTime(), c.onTimeRate(),
                c.extended(), c.carriedForward());
    }

    private static RequestViews.Ground groundView(String code) {
        LegalGround ground = LegalGround.fromCode(code);
        return ground == null ? new RequestViews.Ground(code, null, null, null) : ground.view();
    }

    /** The year asked for, the current one by default. */
    private int year(String raw) {
        if (raw == null || raw.isBlank()) {
            return CityTime.today(clock).getYear();
        }
        if (!raw.matches("[0-9]{4}") || Integer.parseInt(raw) < 2000 || Integer.parseInt(raw) > 2100) {
            throw ProblemException.invalid("year", "calendar.year", "2000", "2100");
        }
        return Integer.parseInt(raw);
    }

    private Mono<Department> department(String raw) {
        if (raw == null || raw.isBlank()) {
            return Mono.empty();
        }
        Mono<Department> found = raw.matches("[0-9]{1,18}") ? departments.byId(Long.parseLong(raw)) : departments.byCode(raw);
        return found.switchIfEmpty(Mono.error(() -> ProblemException.invalid("department", "unknown_department")));
    }
}
