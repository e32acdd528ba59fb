package org.onestop.opendata.ckan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one action call, from the query string (all strings, JSON-encoded where
 * CKAN expects a structure) or a JSON body (already typed). Reading a parameter checks its type.
 */
record CkanParams(Map<String, Object> values) {

    String string(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw CkanError.validation(name, "Must be a string");
        }
        return String.valueOf(v);
    }

    String required(String name) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            throw CkanError.validation(name, "Missing value");
        }
        return v;
    }

    /** A natural number no larger than {@code max}, or {@code absent} when not given. */
    int natural(String name, int absent, int max) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw CkanError.validation(name, "Invalid integer");
        }
        if (n < 0) {
            throw CkanError.validation(name, "Must be a natural number");
        }
        if (n > max) {
            throw CkanError.validation(name, "Must be less than or equal to " + max);
        }
        return (int) n;
    }

    boolean bool(String name, boolean absent) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw CkanError.validation(name, "Value must be one of: true, false");
        };
    }

    /** A list given as a JSON list (body) or a JSON-encoded list or comma-separated string (query). */
    List<String> list(String name, Parse parse) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        Object parsed = v instanceof String s && s.trim().startsWith("[") ? parse.json(name, s) : v;
        List<String> out = new ArrayList<>();
        if (parsed instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map || o instanceof List || o == null) {
                    throw CkanError.validation(name, "Must be a list of strings");
                }
                out.add(String.valueOf(o));
            }
        } else if (parsed instanceof String s) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        } else {
            throw CkanError.validation(name, "Must be a list of strings");
        }
        return out;
    }

    /** Parses JSON text of a parameter, failing with a validation error. */
    interface Parse {
        Object json(String name, String text);
    }
}
