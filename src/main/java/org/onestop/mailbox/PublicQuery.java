package org.onestop.mailbox;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.onestop.account.Department;
import org.onestop.platform.CityTime;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The filters of the public side, checked: months as {@code YYYY-MM}, a department by id or code,
 * a kind by code. Anything malformed or unknown is a 400 naming the parameter.
 */
@Component
class PublicQuery {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** The longest range of the statistics: three years keeps one query bounded (~120,000 letters). */
    static final int MAX_MONTHS = 36;

    private final MailboxDepartments departments;
    private final Clock clock;

    PublicQuery(MailboxDepartments departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    /** Months {@code from} to {@code to}, both included. */
    record Months(YearMonth from, YearMonth to) {

        Instant start() {
            return from.atDay(1).atStartOfDay(CityTime.ZONE).toInstant();
        }

        /** The start of the month after {@code to}: the range is half-open. */
        Instant end() {
            return to.plusMonths(1).atDay(1).atStartOfDay(CityTime.ZONE).toInstant();
        }
    }

    /** A range of months; by default the twelve months up to the current one. */
    Months months(String rawFrom, String rawTo) {
        YearMonth to = rawTo == null || rawTo.isBlank() ? YearMonth.now(clock.withZone(CityTime.ZONE)) : month("to", rawTo);
        YearMonth from = rawFrom == null || rawFrom.isBlank() ? to.minusMonths(11) : month("from", rawFrom);
        if (from.isAfter(to)) {
            throw ProblemException.invalid("from", "month_range");
        }
        if (from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            throw ProblemException.invalid("to", "month_span", MAX_MONTHS);
        }
        return new Months(from, to);
    }

    /** One month, or null when absent. */
    YearMonth optionalMonth(String field, String raw) {
        return raw == null || raw.isBlank() ? null : month(field, raw);
    }

    /** A year of the scorecard; by default the current one. */
    int year(String raw) {
        if (raw == null || raw.isBlank()) {
            return CityTime.today(clock).getYear();
        }
        if (!raw.matches("\\d{4}") || Integer.parseInt(raw) < 2000 || Integer.parseInt(raw) > 2100) {
            throw ProblemException.invalid("year", "statistics_year", "2000", "2100");
        }
        return Integer.parseInt(raw);
    }

    /** The kind named, null when absent; 400 when unknown. */
    LetterKind kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LetterKind kind = LetterKind.fromCode(raw);
        if (kind == null) {
            throw ProblemException.invalid("kind", "unknown_kind");
        }
        return kind;
    }

    /** The department named by id or code, empty when absent; 400 when unknown. */
    Mono<java.util.Optional<Department>> department(String raw) {
        if (raw == null || raw.isBlank()) {
            return Mono.just(java.util.Optional.empty());
        }
        String reference = raw.strip();
        if (reference.length() > 64) {
            return Mono.error(ProblemException.invalid("department", "unknown_department"));
        }
        return departments.address(reference).map(java.util.Optional::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("department", "unknown_department")));
    }

    private static YearMonth month(String field, String raw) {
        String text = raw.strip();
        if (!MONTH.matcher(text).matches()) {
            throw ProblemException.invalid(field, "month");
        }
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5));
        if (year < 2000 || year > 2100 || month < 1 || month > 12) {
            throw ProblemException.invalid(field, "month");
        }
        return YearMonth.of(year, month);
    }
}
