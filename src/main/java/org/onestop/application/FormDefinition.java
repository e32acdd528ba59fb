package org.onestop.application;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.onestop.platform.storage.FileType;
import tools.jackson.databind.JsonNode;

/**
 * A parsed, checked form definition: what the server validates application data against. The
 * stored JSON (which the browser renders) stays the source; this is read from it by
 * {@link DefinitionParser}.
 */
record FormDefinition(List<Field> fields, List<Slot> materials) {

    /**
     * One field.
     *
     * @param minDate and maxDate: ISO dates or "today"
     * @param options the allowed values of select, radio and multiselect
     */
    record Field(String name, FieldType type, boolean required, Integer minLength, Integer maxLength, Pattern pattern,
            BigDecimal min, BigDecimal max, boolean integer, String minDate, String maxDate, Set<String> options,
            Condition visibleWhen) {
    }

    /** Visible when the named (earlier) field's value equals one of the values, or, for a list, contains one. */
    record Condition(String field, List<JsonNode> values) {
    }

    /** One kind of material to upload. */
    record Slot(String code, String nameZh, boolean required, Set<FileType> types, long maxBytes, Condition visibleWhen) {
    }

    Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    Optional<Slot> slot(String code) {
        return materials.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
