package org.onestop.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.account.identity.CreditCode;
import org.onestop.account.identity.ResidentIdNumber;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks application data against its form definition, the server's authoritative copy of what
 * the browser's form engine checks. Fields are read in definition order, so a condition sees the
 * checked value of the earlier field it names; a hidden field's value is dropped, never stored.
 * A draft is checked for types only; a submission also for required fields.
 */
final class FormData {

    static final int DEFAULT_TEXT = 200;
    static final int DEFAULT_TEXTAREA = 2000;
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /** The data as it is stored (hidden and empty fields left out), and the problems found. */
    record Checked(ObjectNode data, List<FieldProblem> problems) {
    }

    private FormData() {
    }

    static Checked check(FormDefinition definition, JsonNode data, boolean complete, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        if (data == null || !data.isObject()) {
            return new Checked(kept, List.of(FieldProblem.of("data", "application.data")));
        }
        Set<String> known = new HashSet<>();
        definition.fields().forEach(f -> known.add(f.name()));
        for (String name : data.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(FieldProblem.of("data." + name, "application.unknown_field"));
            }
        }
        for (FormDefinition.Field field : definition.fields()) {
            JsonNode value = data.get(field.name());
            if (!visible(field.visibleWhen(), kept)) {
                continue;
            }
            if (isEmpty(value, field.type())) {
                if (complete && field.required()) {
                    problems.add(FieldProblem.of("data." + field.name(), "application.required"));
                }
                continue;
            }
            FieldProblem problem = checkValue(field, value, today);
            if (problem != null) {
                problems.add(problem);
            } else {
                kept.set(field.name(), normalised(field, value));
            }
        }
        return new Checked(kept, problems);
    }

    /** Whether a field or material with this condition shows, given the checked values so far. */
    static boolean visible(FormDefinition.Condition condition, JsonNode checked) {
        if (condition == null) {
            return true;
        }
        JsonNode value = checked.get(condition.field());
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (condition.values().stream().anyMatch(v -> same(v, element))) {
                    return true;
                }
            }
            return false;
        }
        return condition.values().stream().anyMatch(v -> same(v, value));
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static boolean isEmpty(JsonNode value, FieldType type) {
        return value == null || value.isNull() || value.isString() && value.asString().isBlank()
                || value.isArray() && value.isEmpty() || type == FieldType.CHECKBOX && value.isBoolean() && !value.asBoolean();
    }

    private static JsonNode normalised(FormDefinition.Field field, JsonNode value) {
        return switch (field.type()) {
            case TEXT, TEXTAREA, EMAIL, MOBILE, DATE -> JsonNodeFactory.instance.stringNode(PlainText.clean(value.asString()));
            case ID_NUMBER -> JsonNodeFactory.instance.stringNode(ResidentIdNumber.normalise(value.asString()));
            case CREDIT_CODE -> JsonNodeFactory.instance.stringNode(CreditCode.normalise(value.asString()));
            case NUMBER -> JsonNodeFactory.instance.numberNode(value.isNumber() ? value.decimalValue()
                    : new BigDecimal(value.asString().strip()));
            default -> value;
        };
    }

    private static FieldProblem checkValue(FormDefinition.Field f, JsonNode value, LocalDate today) {
        String name = "data." + f.name();
        return switch (f.type()) {
            case TEXT, TEXTAREA -> text(f, value, name);
            case NUMBER -> number(f, value, name);
            case DATE -> date(f, value, name, today);
            case SELECT, RADIO -> value.isString() && f.options().contains(value.asString()) ? null
                    : FieldProblem.of(name, "application.option");
            case MULTISELECT -> multi(f, value, name);
            case CHECKBOX -> value.isBoolean() ? null : FieldProblem.of(name, "application.checkbox");
            case ID_NUMBER -> value.isString() && ResidentIdNumber.check(value.asString(), today).isEmpty() ? null
                    : FieldProblem.of(name, "application.id_number");
            case CREDIT_CODE -> value.isString() && CreditCode.check(value.asString()).isEmpty() ? null
                    : FieldProblem.of(name, "application.credit_code");
            case MOBILE -> value.isString() && MOBILE.matcher(value.asString().strip()).matches() ? null
                    : FieldProblem.of(name, "application.mobile");
            case EMAIL -> value.isString() && value.asString().length() <= 254 && EMAIL.matcher(value.asString().strip()).matches()
                    ? null : FieldProblem.of(name, "application.email");
        };
    }

    private static FieldProblem text(FormDefinition.Field f, JsonNode value, String name) {
        if (!value.isString()) {
            return FieldProblem.of(name, "application.text");
        }
        String text = PlainText.clean(value.asString());
        if (PlainText.hasHiddenCharacters(text, f.type() == FieldType.TEXTAREA)) {
            return FieldProblem.of(name, "application.hidden_characters");
        }
        int length = PlainText.length(text);
        int max = f.maxLength() != null ? f.maxLength() : f.type() == FieldType.TEXT ? DEFAULT_TEXT : DEFAULT_TEXTAREA;
        int min = f.minLength() != null ? f.minLength() : 0;
        if (length < min || length > max) {
            return FieldProblem.of(name, "application.length", min, max);
        }
        if (f.pattern() != null && !f.pattern().matcher(text).matches()) {
            return FieldProblem.of(name, "application.pattern_mismatch");
        }
        return null;
    }

    private static FieldProblem number(FormDefinition.Field f, JsonNode value, String name) {
        BigDecimal n;
        try {
            n = value.isNumber() ? value.decimalValue() : value.isString() ? new BigDecimal(value.asString().strip()) : null;
        } catch (NumberFormatException e) {
            n = null;
        }
        if (n == null) {
            return FieldProblem.of(name, "application.number");
        }
        if (f.integer() && n.stripTrailingZeros().scale() > 0) {
            return FieldProblem.of(name, "application.integer");
        }
        if (f.min() != null && n.compareTo(f.min()) < 0 || f.max() != null && n.compareTo(f.max()) > 0) {
            return FieldProblem.of(name, "application.number_range", String.valueOf(f.min()), String.valueOf(f.max()));
        }
        return null;
    }

    private static FieldProblem date(FormDefinition.Field f, JsonNode value, String name, LocalDate today) {
        LocalDate date;
        try {
            date = value.isString() ? LocalDate.parse(value.asString().strip()) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            return FieldProblem.of(name, "application.date");
        }
        LocalDate min = bound(f.minDate(), today);
        LocalDate max = bound(f.maxDate(), today);
        if (min != null && date.isBefore(min) || max != null && date.isAfter(max)) {
            return FieldProblem.of(name, "application.date_range", String.valueOf(min), String.valueOf(max));
        }
        return null;
    }

    private static LocalDate bound(String bound, LocalDate today) {
        return bound == null ? null : bound.equals("today") ? today : LocalDate.parse(bound);
    }

    private static FieldProblem multi(FormDefinition.Field f, JsonNode value, String name) {
        if (!value.isArray()) {
            return FieldProblem.of(name, "application.option");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode element : value) {
            if (!element.isString() || !f.options().contains(element.asString()) || !seen.add(element.asString())) {
                return FieldProblem.of(name, "application.option");
            }
        }
        return null;
    }
}
