package org.onestop.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;

/**
 * The body of {@code PUT /api/admin/calendar/{year}}: all special days of the year, replacing the
 * ones stored before, and an optional note such as the State Council notice they come from. Only
 * real exceptions are accepted (a holiday on a weekday, a working Saturday or Sunday), so a stored
 * day always changes the answer for its date.
 */
record CalendarChange(String note, List<Entry> days) {

    static final int MAX_DAYS = 60;
    static final int MAX_NAME = 20;
    static final int MAX_NOTE = 100;

    /** One submitted day; kind is {@code holiday} or {@code workday}, name the festival, e.g. 春节. */
    record Entry(LocalDate date, String kind, String name) {
    }

    /** A change that passed validation: a clean note and the days in date order. */
    record Valid(String note, List<SpecialDay> days) {
    }

    /** The change for this year, or a 400 problem listing every invalid field. */
    Valid validated(int year) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanNote = PlainText.clean(note) == null ? "" : PlainText.clean(note);
        if (PlainText.length(cleanNote) > MAX_NOTE) {
            problems.add(FieldProblem.of("note", "size", 0, MAX_NOTE));
        } else if (PlainText.hasHiddenCharacters(cleanNote, false)) {
            problems.add(FieldProblem.of("note", "hidden_characters"));
        }
        List<SpecialDay> valid = new ArrayList<>();
        if (days == null) {
            problems.add(FieldProblem.of("days", "required"));
        } else if (days.size() > MAX_DAYS) {
            problems.add(FieldProblem.of("days", "calendar.too_many", MAX_DAYS));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < days.size(); i++) {
                SpecialDay day = entry("days." + i, days.get(i), year, seen, problems);
                if (day != null) {
                    valid.add(day);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        valid.sort(Comparator.comparing(SpecialDay::date));
        return new Valid(cleanNote, List.copyOf(valid));
    }

    /** The entry as a special day, or null after adding its problems. */
    private static SpecialDay entry(String field, Entry entry, int year, Set<LocalDate> seen, List<FieldProblem> problems) {
        if (entry == null) {
            problems.add(FieldProblem.of(field, "required"));
            return null;
        }
        int before = problems.size();
        DayKind kind = DayKind.fromCode(entry.kind());
        if (kind == null) {
            problems.add(FieldProblem.of(field + ".kind", entry.kind() == null ? "required" : "calendar.kind"));
        }
        LocalDate date = entry.date();
        if (date == null) {
            problems.add(FieldProblem.of(field + ".date", "required"));
        } else if (date.getYear() != year) {
            problems.add(FieldProblem.of(field + ".date", "calendar.outside_year", String.valueOf(year)));
        } else if (!seen.add(date)) {
            problems.add(FieldProblem.of(field + ".date", "calendar.duplicate_date"));
        } else if (kind != null) {
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kind == DayKind.HOLIDAY && weekend) {
                problems.add(FieldProblem.of(field + ".date", "calendar.holiday_on_weekend"));
            } else if (kind == DayKind.WORKDAY && !weekend) {
                problems.add(FieldProblem.of(field + ".date", "calendar.workday_on_weekday"));
            }
        }
        String name = PlainText.clean(entry.name());
        if (name == null || name.isEmpty()) {
            problems.add(FieldProblem.of(field + ".name", "required"));
        } else if (PlainText.length(name) > MAX_NAME) {
            problems.add(FieldProblem.of(field + ".name", "size", 1, MAX_NAME));
        } else if (PlainText.hasHiddenCharacters(name, false)) {
            problems.add(FieldProblem.of(field + ".name", "hidden_characters"));
        }
        return problems.size() > before ? null : new SpecialDay(date, kind, name);
    }
}
