package org.onestop.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.onestop.platform.storage.FileType;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a form definition. Every problem is collected (named by its JSON path, e.g.
 * {@code definition.fields[3].type}), so one answer lists all of them; a definition with any
 * problem is refused whole. A condition may only look at an earlier field, which rules out cycles.
 */
final class DefinitionParser {

    static final int MAX_FIELDS = 200;
    static final int MAX_MATERIALS = 50;
    static final long MAX_MATERIAL_BYTES = 20L * 1024 * 1024;
    static final long DEFAULT_MATERIAL_BYTES = 10L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");
    private static final Map<String, FileType> MATERIAL_TYPES = Map.of("pdf", FileType.PDF, "jpeg", FileType.JPEG,
            "jpg", FileType.JPEG, "png", FileType.PNG, "gif", FileType.GIF, "webp", FileType.WEBP);

    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<FormDefinition.Field> fields = new ArrayList<>();

    private DefinitionParser() {
    }

    /** The checked definition; a {@link ProblemException} (400) listing every problem otherwise. */
    static FormDefinition parse(JsonNode root) {
        DefinitionParser parser = new DefinitionParser();
        FormDefinition definition = parser.read(root);
        if (!parser.problems.isEmpty()) {
            throw ProblemException.invalid(parser.problems);
        }
        return definition;
    }

    private FormDefinition read(JsonNode root) {
        if (root == null || !root.isObject()) {
            problem("definition", "application.definition");
            return null;
        }
        Set<String> sections = new HashSet<>();
        JsonNode sectionNodes = root.path("sections");
        if (!sectionNodes.isMissingNode() && !sectionNodes.isArray()) {
            problem("definition.sections", "application.definition");
        }
        for (int i = 0; i < sectionNodes.size(); i++) {
            JsonNode s = sectionNodes.get(i);
            String id = s.path("id").asString("");
            if (!NAME.matcher(id).matches() || !sections.add(id)) {
                problem("definition.sections[" + i + "].id", "application.name");
            }
            label(s.path("title"), "definition.sections[" + i + "].title");
        }
        JsonNode fieldNodes = root.path("fields");
        if (!fieldNodes.isArray() || fieldNodes.size() > MAX_FIELDS) {
            problem("definition.fields", "application.fields", MAX_FIELDS);
        } else {
            for (int i = 0; i < fieldNodes.size(); i++) {
                field(fieldNodes.get(i), "definition.fields[" + i + "]", sections);
            }
        }
        List<FormDefinition.Slot> slots = new ArrayList<>();
        JsonNode materialNodes = root.path("materials");
        if (!materialNodes.isMissingNode() && (!materialNodes.isArray() || materialNodes.size() > MAX_MATERIALS)) {
            problem("definition.materials", "application.materials", MAX_MATERIALS);
        } else {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < materialNodes.size(); i++) {
                FormDefinition.Slot slot = slot(materialNodes.get(i), "definition.materials[" + i + "]");
                if (slot != null && !codes.add(slot.code())) {
                    problem("definition.materials[" + i + "].code", "application.duplicate");
                }
                slots.add(slot);
            }
        }
        return new FormDefinition(List.copyOf(fields), slots);
    }

    private void field(JsonNode node, String path, Set<String> sections) {
        String name = node.path("name").asString("");
        if (!NAME.matcher(name).matches()) {
            problem(path + ".name", "application.name");
        } else if (fields.stream().anyMatch(f -> f.name().equals(name))) {
            problem(path + ".name", "application.duplicate");
        }
        FieldType type = FieldType.of(node.path("type").asString("")).orElse(null);
        if (type == null) {
            problem(path + ".type", "application.field_type", node.path("type").asString(""));
            return;
        }
        label(node.path("label"), path + ".label");
        if (node.has("section") && !sections.contains(node.path("section").asString(""))) {
            problem(path + ".section", "application.section");
        }
        Integer minLength = count(node, "minLength", path);
        Integer maxLength = count(node, "maxLength", path);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            problem(path + ".minLength", "application.range");
        }
        Pattern pattern = null;
        if (node.has("pattern")) {
            try {
                String regex = node.path("pattern").asString("");
                pattern = regex.length() <= 200 ? Pattern.compile(regex) : null;
            } catch (PatternSyntaxException e) {
                pattern = null;
            }
            if (pattern == null) {
                problem(path + ".pattern", "application.pattern");
            }
        }
        BigDecimal min = null;
        BigDecimal max = null;
        String minDate = null;
        String maxDate = null;
        if (type == FieldType.NUMBER) {
            min = number(node, "min", path);
            max = number(node, "max", path);
            if (min != null && max != null && min.compareTo(max) > 0) {
                problem(path + ".min", "application.range");
            }
        } else if (type == FieldType.DATE) {
            minDate = date(node, "min", path);
            maxDate = date(node, "max", path);
        }
        Set<String> options = type.hasOptions() ? options(node.path("options"), path + ".options") : Set.of();
        FormDefinition.Condition when = condition(node.path("visibleWhen"), path + ".visibleWhen");
        fields.add(new FormDefinition.Field(name, type, node.path("required").asBoolean(false), minLength, maxLength,
                pattern, min, max, node.path("integer").asBoolean(false), minDate, maxDate, options, when));
    }

    private FormDefinition.Slot slot(JsonNode node, String path) {
        String code = node.path("code").asString("");
        if (!CODE.matcher(code).matches()) {
            problem(path + ".code", "application.name");
        }
        label(node.path("name"), path + ".name");
        Set<FileType> types = new LinkedHashSet<>();
        JsonNode typeNodes = node.path("types");
        if (!typeNodes.isArray() || typeNodes.isEmpty()) {
            problem(path + ".types", "application.material_types");
        }
        for (JsonNode t : typeNodes) {
            FileType type = MATERIAL_TYPES.get(t.asString(""));
            if (type == null) {
                problem(path + ".types", "application.material_types");
            } else {
                types.add(type);
            }
        }
        long maxBytes = node.path("maxBytes").asLong(DEFAULT_MATERIAL_BYTES);
        if (!node.path("maxBytes").isMissingNode() && !node.path("maxBytes").isIntegralNumber()
                || maxBytes < 1 || maxBytes > MAX_MATERIAL_BYTES) {
            problem(path + ".maxBytes", "application.max_bytes", MAX_MATERIAL_BYTES / (1024 * 1024));
        }
        FormDefinition.Condition when = condition(node.path("visibleWhen"), path + ".visibleWhen");
        return new FormDefinition.Slot(code, node.path("name").path("zh").asString(""), node.path("required").asBoolean(false),
                Set.copyOf(types), maxBytes, when);
    }

    private FormDefinition.Condition condition(JsonNode node, String path) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String field = node.path("field").asString("");
        if (fields.stream().noneMatch(f -> f.name().equals(field))) {
            problem(path + ".field", "application.condition_field");
            return null;
        }
        if (node.has("equals") && node.path("equals").isValueNode()) {
            return new FormDefinition.Condition(field, List.of(node.path("equals")));
        }
        if (node.path("in").isArray() && !node.path("in").isEmpty()) {
            List<JsonNode> values = new ArrayList<>();
            node.path("in").forEach(values::add);
            if (values.stream().allMatch(JsonNode::isValueNode)) {
                return new FormDefinition.Condition(field, values);
            }
        }
        problem(path, "application.condition");
        return null;
    }

    private Set<String> options(JsonNode node, String path) {
        Set<String> values = new LinkedHashSet<>();
        if (!node.isArray() || node.isEmpty()) {
            problem(path, "application.options");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            String value = node.get(i).path("value").asString("");
            if (value.isBlank() || value.length() > 40 || !values.add(value)) {
                problem(path + "[" + i + "].value", "application.options");
            }
            label(node.get(i).path("label"), path + "[" + i + "].label");
        }
        return values;
    }

    private void label(JsonNode node, String path) {
        if (!node.path("zh").isString() || node.path("zh").asString().isBlank()) {
            problem(path, "application.label");
        }
    }

    private Integer count(JsonNode node, String key, String path) {
        if (!node.has(key)) {
            return null;
        }
        JsonNode value = node.path(key);
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > 100_000) {
            problem(path + "." + key, "application.range");
            return null;
        }
        return value.asInt();
    }

    private BigDecimal number(JsonNode node, String key, String path) {
        if (!node.has(key)) {
            return null;
        }
        if (!node.path(key).isNumber()) {
            problem(path + "." + key, "application.range");
            return null;
        }
        return node.path(key).decimalValue();
    }

    private String date(JsonNode node, String key, String path) {
        if (!node.has(key)) {
            return null;
        }
        String value = node.path(key).asString("");
        if (!value.equals("today")) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(path + "." + key, "application.date_bound");
                return null;
            }
        }
        return value;
    }

    private void problem(String field, String code, Object... args) {
        problems.add(FieldProblem.of(field, code, args));
    }
}
