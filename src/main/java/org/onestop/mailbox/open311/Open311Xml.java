package org.onestop.mailbox.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Writes the {@link Open311Views} records as the spec's XML: one element per field, named as in
 * JSON; a list field holds one element per item named by its singular (attributes → attribute).
 * A small writer instead of a Jackson XML module keeps the element names and the empty elements
 * of absent fields exactly as the spec's examples show them.
 */
final class Open311Xml {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

    private Open311Xml() {
    }

    /** A root element holding one {@code item} element per record. */
    static String list(String root, String item, Collection<?> items) {
        StringBuilder out = new StringBuilder(DECLARATION).append('<').append(root).append('>');
        for (Object each : items) {
            element(out, item, each);
        }
        return out.append("</").append(root).append('>').toString();
    }

    /** One record as the root element. */
    static String single(String root, Record value) {
        StringBuilder out = new StringBuilder(DECLARATION);
        element(out, root, value);
        return out.toString();
    }

    private static void element(StringBuilder out, String name, Object value) {
        out.append('<').append(name).append('>');
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                element(out, nameOf(component), valueOf(component, record));
            }
        } else if (value instanceof Collection<?> items) {
            String item = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
            for (Object each : items) {
                element(out, item, each);
            }
        } else if (value != null) {
            escape(out, String.valueOf(value));
        }
        out.append("</").append(name).append('>');
    }

    private static String nameOf(RecordComponent component) {
        // JsonProperty does not target record components; Java copies it onto the accessor.
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }

    /** Escapes markup and drops characters XML 1.0 cannot carry (other control characters). */
    static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }
}
