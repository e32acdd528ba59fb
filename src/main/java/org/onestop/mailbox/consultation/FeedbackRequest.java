package org.onestop.mailbox.consultation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;

/**
 * The body of {@code POST /api/consultations/{id}/feedback}: the overall text, and a decision for
 * each approved comment the department answers one by one.
 */
record FeedbackRequest(String text, List<Item> decisions) {

    static final int TEXT_MAX = 5000;
    static final int REASON_MAX = 500;
    private static final Set<String> DECISIONS = Set.of("adopted", "partly_adopted", "not_adopted");

    record Item(Long commentId, String decision, String reason) {
    }

    /** The feedback cleaned and checked: every problem reported at once, fields named by their JSON path. */
    record Checked(String text, List<CommentStore.Decision> decisions) {
    }

    Checked validated() {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanText = PlainText.clean(text) == null ? null : PlainText.clean(text).replace("\r\n", "\n");
        if (cleanText == null || cleanText.isEmpty()) {
            problems.add(FieldProblem.of("text", "required"));
        } else if (PlainText.length(cleanText) < 2 || PlainText.length(cleanText) > TEXT_MAX) {
            problems.add(FieldProblem.of("text", "size", 2, TEXT_MAX));
        } else if (PlainText.hasHiddenCharacters(cleanText, true)) {
            problems.add(FieldProblem.of("text", "hidden_characters"));
        }
        List<CommentStore.Decision> checked = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<Item> items = decisions == null ? List.of() : decisions;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String path = "decisions." + i + ".";
            if (item == null || item.commentId() == null) {
                problems.add(FieldProblem.of(path + "commentId", "required"));
                continue;
            }
            if (!seen.add(item.commentId())) {
                problems.add(FieldProblem.of(path + "commentId", "consultation.duplicate_comment"));
            }
            if (item.decision() == null || item.decision().isEmpty()) {
                problems.add(FieldProblem.of(path + "decision", "required"));
            } else if (!DECISIONS.contains(item.decision())) {
                problems.add(FieldProblem.of(path + "decision", "consultation.decision"));
            }
            String reason = PlainText.clean(item.reason());
            reason = reason == null || reason.isEmpty() ? null : reason;
            if (reason == null && ("not_adopted".equals(item.decision()) || "partly_adopted".equals(item.decision()))) {
                problems.add(FieldProblem.of(path + "reason", "consultation.reason_required"));
            } else if (reason != null && (PlainText.length(reason) < 2 || PlainText.length(reason) > REASON_MAX
                    || PlainText.hasHiddenCharacters(reason, true))) {
                problems.add(FieldProblem.of(path + "reason", "size", 2, REASON_MAX));
            }
            checked.add(new CommentStore.Decision(item.commentId(), item.decision(), reason));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Checked(cleanText, checked);
    }
}
