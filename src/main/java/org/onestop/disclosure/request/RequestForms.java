package org.onestop.disclosure.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;

/** Checks and cleans what applicants and staff write; every problem of a form is reported at once. */
final class RequestForms {

    static final Set<String> DELIVERIES = Set.of("electronic", "paper", "pickup");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{5,18}[0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private RequestForms() {
    }

    /** An application with its texts cleaned; the department is checked against the database afterwards. */
    record Application(long departmentId, String description, String documentTitle, String documentNumber, String purpose,
            String delivery, String contactPhone, String contactEmail, String contactAddress) {
    }

    record Reply(Outcome outcome, LegalGround ground, String text) {
    }

    static Application application(ApplyRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.departmentId() == null) {
            problems.add(FieldProblem.of("departmentId", "required"));
        }
        String description = text(problems, "description", r.description(), 5, 2000, true, true);
        String title = text(problems, "documentTitle", r.documentTitle(), 0, 300, false, false);
        String number = text(problems, "documentNumber", r.documentNumber(), 0, 64, false, false);
        String purpose = text(problems, "purpose", r.purpose(), 2, 500, true, true);
        if (r.delivery() == null || r.delivery().isBlank()) {
            problems.add(FieldProblem.of("delivery", "required"));
        } else if (!DELIVERIES.contains(r.delivery())) {
            problems.add(FieldProblem.of("delivery", "disclosure_request.delivery"));
        }
        String phone = text(problems, "contactPhone", r.contactPhone(), 1, 20, true, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(FieldProblem.of("contactPhone", "disclosure_request.phone"));
        }
        String email = text(problems, "contactEmail", r.contactEmail(), 0, 100, false, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(FieldProblem.of("contactEmail", "email"));
        }
        boolean byPost = "paper".equals(r.delivery());
        String address = text(problems, "contactAddress", r.contactAddress(), byPost ? 5 : 0, 200, byPost, false);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Application(r.departmentId(), description, title, number, purpose, r.delivery(), phone, email, address);
    }

    /** The reply's fields from a multipart form; whether files must come with it is checked against the request. */
    static Reply reply(Map<String, String> fields, List<FieldProblem> fileProblems) {
        List<FieldProblem> problems = new ArrayList<>(fileProblems);
        Outcome outcome = null;
        String rawOutcome = fields.get("outcome");
        if (rawOutcome == null || rawOutcome.isBlank()) {
            problems.add(FieldProblem.of("outcome", "required"));
        } else if ((outcome = Outcome.fromCode(rawOutcome)) == null) {
            problems.add(FieldProblem.of("outcome", "disclosure_request.outcome"));
        }
        LegalGround ground = null;
        String rawGround = blankToNull(fields.get("legalGround"));
        if (rawGround != null && (ground = LegalGround.fromCode(rawGround)) == null) {
            problems.add(FieldProblem.of("legalGround", "disclosure_request.legal_ground"));
        } else if (outcome != null && outcome.needsGround() && ground == null) {
            problems.add(FieldProblem.of("legalGround", "disclosure_request.ground_required"));
        } else if (outcome != null && !outcome.needsGround() && ground != null) {
            problems.add(FieldProblem.of("legalGround", "disclosure_request.ground_not_applicable"));
        }
        String text = text(problems, "text", fields.get("text"), 5, 4000, true, true);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Reply(outcome, ground, text);
    }

    static String reason(String raw) {
        List<FieldProblem> problems = new ArrayList<>();
        String reason = text(problems, "reason", raw, 5, 500, true, true);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return reason;
    }

    /** The cleaned text, or null when optional and blank; a problem is added when it does not fit. */
    private static String text(List<FieldProblem> problems, String field, String raw, int min, int max, boolean required,
            boolean lineBreaks) {
        String value = blankToNull(PlainText.clean(raw));
        if (value == null) {
            if (required) {
                problems.add(FieldProblem.of(field, "required"));
            }
            return null;
        }
        int length = PlainText.length(value);
        if (length < min || length > max) {
            problems.add(FieldProblem.of(field, "size", min, max));
        } else if (PlainText.hasHiddenCharacters(value, lineBreaks)) {
            problems.add(FieldProblem.of(field, "hidden_characters"));
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
