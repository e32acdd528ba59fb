package org.onestop.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.onestop.platform.CityTime;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;

/**
 * A search of the audit trail. Every filter is optional: the actor (an account id or username),
 * the action (exact, or a prefix ending in "." such as "mailbox."), the entity ("mailbox_letter" or
 * "mailbox_letter:42"), and a period [from, to) given as instants or city dates.
 */
record AuditQuery(Long actorId, String actorName, String action, boolean actionPrefix, String entityType, String entityId,
        Instant from, Instant to, PageQuery page) {

    static AuditQuery of(String actor, String action, String entity, String from, String to, Integer page, Integer size) {
        List<FieldProblem> problems = new ArrayList<>();
        Long actorId = null;
        String actorName = null;
        String a = clean(actor, 32, "actor", problems);
        if (a != null) {
            if (a.chars().allMatch(Character::isDigit) && a.length() < 19) {
                actorId = Long.parseLong(a);
            } else {
                actorName = a.toLowerCase(java.util.Locale.ROOT);
            }
        }
        String act = clean(action, 64, "action", problems);
        String e = clean(entity, 100, "entity", problems);
        String type = e;
        String id = null;
        if (e != null && e.contains(":")) {
            type = e.substring(0, e.indexOf(':'));
            id = e.substring(e.indexOf(':') + 1);
        }
        Instant start = instant(from, "from", problems);
        Instant end = instant(to, "to", problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(FieldProblem.of("to", "invalid"));
        }
        PageQuery paging = null;
        try {
            paging = PageQuery.of(page, size);
        } catch (ProblemException bad) {
            problems.addAll(bad.fieldProblems());
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        boolean prefix = act != null && act.endsWith(".");
        return new AuditQuery(actorId, actorName, act, prefix, type, id, start, end, paging);
    }

    private static String clean(String value, int max, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = PlainText.clean(value).strip();
        if (v.length() > max) {
            problems.add(FieldProblem.of(field, "size", 1, max));
            return null;
        }
        return v;
    }

    /** An instant, or a city date meaning its midnight in the city. */
    private static Instant instant(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(CityTime.ZONE).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "invalid"));
            return null;
        }
    }
}
