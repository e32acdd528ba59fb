package org.onestop.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected access decisions, read from {@code access-matrix.txt} beside this class: one line per
 * route ("METHOD pattern") or live topic ("TOPIC name"), then one outcome per {@link Caller} column.
 */
final class AccessTable {

    /** What a caller gets: let through (any answer but 401/403/404 and never 5xx), or refused as stated. */
    static final Set<String> OUTCOMES = Set.of("ok", "401", "403", "404");
    static final String FILE = "access-matrix.txt";

    record Row(String key, Map<Caller, String> expected, int line) {
    }

    private AccessTable() {
    }

    static Map<String, Row> load() {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = AccessTable.class.getResourceAsStream(FILE)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String text = lines[i].replaceFirst("#.*", "").strip();
                if (text.isEmpty()) {
                    continue;
                }
                List<String> cells = new ArrayList<>(Arrays.asList(text.split("\\s+")));
                if (cells.size() != 2 + Caller.values().length) {
                    throw new IllegalStateException(FILE + ":" + (i + 1) + " needs a route and "
                            + Caller.values().length + " outcomes: " + lines[i]);
                }
                Map<Caller, String> expected = new EnumMap<>(Caller.class);
                for (Caller caller : Caller.values()) {
                    String outcome = cells.get(2 + caller.ordinal());
                    if (!OUTCOMES.contains(outcome)) {
                        throw new IllegalStateException(FILE + ":" + (i + 1) + " has outcome " + outcome + ", not one of " + OUTCOMES);
                    }
                    expected.put(caller, outcome);
                }
                String key = cells.get(0) + " " + cells.get(1);
                if (rows.put(key, new Row(key, expected, i + 1)) != null) {
                    throw new IllegalStateException(FILE + ":" + (i + 1) + " repeats " + key);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** A table line for a route, in the file's layout. */
    static String line(String key, Map<Caller, String> outcomes) {
        StringBuilder line = new StringBuilder(String.format("%-62s", key));
        for (Caller caller : Caller.values()) {
            line.append(String.format(" %-4s", outcomes.getOrDefault(caller, "?")));
        }
        return line.toString().stripTrailing();
    }

    static String heading() {
        Map<Caller, String> names = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            names.put(caller, caller.heading);
        }
        return "# " + line("route", names).substring(2);
    }
}
