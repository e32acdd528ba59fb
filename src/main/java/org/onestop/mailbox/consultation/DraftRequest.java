package org.onestop.mailbox.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;

/**
 * The body of {@code POST /api/consultations} and {@code PUT /api/consultations/{id}}. The
 * department is the official's own; {@code departmentId} may be sent, but only as that one.
 * {@code draft: true} on creation keeps it unpublished (files can be attached first); otherwise it
 * is published at once. Editing ignores it.
 */
record DraftRequest(String title, String summary, String text, Long departmentId, Instant opensAt, Instant closesAt,
        Boolean draft) {

    static final int TITLE_MAX = 100;
    static final int SUMMARY_MAX = 500;
    static final int TEXT_MAX = 20_000;
    static final Duration SHORTEST = Duration.ofDays(1);
    static final Duration LONGEST = Duration.ofDays(90);
    /** A window "opening now" reaches the server a moment later; this much of the past still counts as now. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(10);

    /** Cleans and checks every field, reporting all problems at once; the window must not open in the past. */
    ConsultationDraft validated(Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanTitle = PlainText.clean(title);
        String cleanSummary = PlainText.clean(summary);
        String cleanText = PlainText.clean(text) == null ? null : PlainText.clean(text).replace("\r\n", "\n");
        text(problems, "title", cleanTitle, 2, TITLE_MAX, false);
        text(problems, "summary", cleanSummary, 2, SUMMARY_MAX, true);
        text(problems, "text", cleanText, 2, TEXT_MAX, true);
        if (opensAt == null) {
            problems.add(FieldProblem.of("opensAt", "required"));
        }
        if (closesAt == null) {
            problems.add(FieldProblem.of("closesAt", "required"));
        }
        if (opensAt != null && closesAt != null) {
            if (!closesAt.isAfter(opensAt)) {
                problems.add(FieldProblem.of("closesAt", "time_order"));
            } else if (Duration.between(opensAt, closesAt).compareTo(SHORTEST) < 0) {
                problems.add(FieldProblem.of("closesAt", "consultation.window_short", SHORTEST.toDays()));
            } else if (Duration.between(opensAt, closesAt).compareTo(LONGEST) > 0) {
                problems.add(FieldProblem.of("closesAt", "consultation.window_long", LONGEST.toDays()));
            }
            if (opensAt.isBefore(now.minus(CLOCK_SLACK))) {
                problems.add(FieldProblem.of("opensAt", "consultation.opens_in_past"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        // Microseconds, as PostgreSQL stores them: the answer shows what a later read will show.
        return new ConsultationDraft(cleanTitle, cleanSummary, cleanText, opensAt.truncatedTo(ChronoUnit.MICROS),
                closesAt.truncatedTo(ChronoUnit.MICROS));
    }

    private static void text(List<FieldProblem> problems, String field, String value, int min, int max,
            boolean lineBreaks) {
        if (value == null || value.isEmpty()) {
            problems.add(FieldProblem.of(field, "required"));
        } else if (PlainText.length(value) < min || PlainText.length(value) > max) {
            problems.add(FieldProblem.of(field, "size", min, max));
        } else if (PlainText.hasHiddenCharacters(value, lineBreaks)) {
            problems.add(FieldProblem.of(field, "hidden_characters"));
        }
    }
}
