package org.onestop.opendata.datastore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A checked datastore query and its SQL. Every identifier (filter field, sort field, requested
 * field) must be one of the resource's columns and is then quoted; every value is parsed to the
 * column's type and bound as a parameter, so nothing the caller wrote reaches SQL as text.
 */
public final class DatastoreQuery {

    private static final Pattern SORT_KEY = Pattern.compile("\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?(?:\\s+(asc|desc))?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_VALUES = 100;
    private static final int MAX_TERMS = 10;
    private static final long MAX_OFFSET = 10_000_000;

    private final String table;
    private final List<DatastoreField> selected;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private final List<String> orderBy = new ArrayList<>();
    private final int limit;
    private final long offset;

    private DatastoreQuery(String table, List<DatastoreField> selected, int limit, long offset) {
        this.table = table;
        this.selected = selected;
        this.limit = limit;
        this.offset = offset;
    }

    /** Checks the request against the columns; throws {@link DatastoreInvalid} listing every problem. */
    public static DatastoreQuery of(String table, List<DatastoreField> columns, DatastoreRequest request) {
        List<DatastoreInvalid.Issue> issues = new ArrayList<>();
        Map<String, DatastoreField> byId = new LinkedHashMap<>();
        byId.put("_id", new DatastoreField("_id", FieldType.INT, "_id"));
        columns.forEach(c -> byId.put(c.id(), c));
        List<DatastoreField> selected = selected(request.fields(), byId, issues);
        int limit = (int) number(request.limit(), "limit", DatastoreRequest.DEFAULT_LIMIT, DatastoreRequest.MAX_LIMIT, issues);
        long offset = number(request.offset(), "offset", 0, MAX_OFFSET, issues);
        DatastoreQuery query = new DatastoreQuery(table, selected, limit, offset);
        if (request.filters() != null) {
            request.filters().forEach((name, value) -> query.filter(byId.get(name), name, value, issues));
        }
        query.fullText(request.q(), columns, issues);
        query.sort(request.sort(), byId, issues);
        if (!issues.isEmpty()) {
            throw new DatastoreInvalid(issues);
        }
        return query;
    }

    private static List<DatastoreField> selected(List<String> fields, Map<String, DatastoreField> byId,
            List<DatastoreInvalid.Issue> issues) {
        if (fields == null || fields.isEmpty()) {
            return List.copyOf(byId.values());
        }
        List<DatastoreField> out = new ArrayList<>();
        for (String f : fields) {
            DatastoreField field = byId.get(f.trim());
            if (field == null) {
                issues.add(new DatastoreInvalid.Issue("fields", "opendata_unknown_field", f, "field \"%s\" not in table".formatted(f)));
            } else if (!out.contains(field)) {
                out.add(field);
            }
        }
        return out;
    }

    private static long number(String text, String param, long absent, long max, List<DatastoreInvalid.Issue> issues) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n < 0) {
                issues.add(new DatastoreInvalid.Issue(param, "opendata_not_natural", text, "Must be a natural number"));
            } else if (n > max) {
                issues.add(new DatastoreInvalid.Issue(param, "opendata_too_large", String.valueOf(max),
                        "Must be less than or equal to %d".formatted(max)));
            }
            return Math.min(Math.max(n, 0), max);
        } catch (NumberFormatException e) {
            issues.add(new DatastoreInvalid.Issue(param, "opendata_not_integer", text, "Invalid integer"));
            return absent;
        }
    }

    private void filter(DatastoreField field, String name, Object value, List<DatastoreInvalid.Issue> issues) {
        if (field == null) {
            issues.add(new DatastoreInvalid.Issue("filters", "opendata_unknown_field", name, "field \"%s\" not in table".formatted(name)));
            return;
        }
        String column = field.id().equals("_id") ? "_id" : DatastoreTables.quote(field.id());
        if (value instanceof List<?> list) {
            if (list.isEmpty() || list.size() > MAX_VALUES) {
                issues.add(new DatastoreInvalid.Issue("filters", "opendata_filter_values", name,
                        "filter \"%s\" needs 1 to %d values".formatted(name, MAX_VALUES)));
                return;
            }
            List<String> params = new ArrayList<>();
            for (Object v : list) {
                params.add(":" + bind(field, v, name, issues));
            }
            where.add(column + " IN (" + String.join(", ", params) + ")");
        } else if (value instanceof Map<?, ?> bounds) {
            if (bounds.isEmpty()) {
                issues.add(new DatastoreInvalid.Issue("filters", "opendata_filter_range", name,
                        "filter \"%s\": a range needs gt, gte, lt or lte".formatted(name)));
            }
            bounds.forEach((op, v) -> {
                String sqlOp = switch (String.valueOf(op)) {
                    case "gt" -> ">";
                    case "gte" -> ">=";
                    case "lt" -> "<";
                    case "lte" -> "<=";
                    default -> null;
                };
                if (sqlOp == null) {
                    issues.add(new DatastoreInvalid.Issue("filters", "opendata_filter_range", name,
                            "filter \"%s\": a range needs gt, gte, lt or lte".formatted(name)));
                } else {
                    where.add(column + " " + sqlOp + " :" + bind(field, v, name, issues));
                }
            });
        } else {
            where.add(column + " = :" + bind(field, value, name, issues));
        }
    }

    private String bind(DatastoreField field, Object value, String name, List<DatastoreInvalid.Issue> issues) {
        String param = "p" + binds.size();
        Object typed = value instanceof Map || value instanceof List || value == null ? null : field.type().parse(String.valueOf(value));
        if (typed == null) {
            issues.add(new DatastoreInvalid.Issue("filters", "opendata_filter_type", name,
                    "filter \"%s\": value is not a valid %s".formatted(name, field.type().ckan())));
            typed = "";
        }
        binds.put(param, typed);
        return param;
    }

    private void fullText(String q, List<DatastoreField> columns, List<DatastoreInvalid.Issue> issues) {
        if (q == null || q.isBlank()) {
            return;
        }
        String[] terms = q.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (terms.length > MAX_TERMS) {
            issues.add(new DatastoreInvalid.Issue("q", "opendata_too_many_terms", String.valueOf(MAX_TERMS),
                    "At most %d search terms".formatted(MAX_TERMS)));
            return;
        }
        String text = columns.stream().filter(c -> c.type() == FieldType.TEXT).map(c -> DatastoreTables.quote(c.id()))
                .collect(Collectors.joining(", "));
        for (String term : terms) {
            String param = "p" + binds.size();
            binds.put(param, term);
            // Substring search: Chinese has no word boundaries the C-locale parser could find.
            where.add(text.isEmpty() ? "false" : "strpos(lower(concat_ws(' ', " + text + ")), :" + param + ") > 0");
        }
    }

    private void sort(String sort, Map<String, DatastoreField> byId, List<DatastoreInvalid.Issue> issues) {
        if (sort == null || sort.isBlank()) {
            return;
        }
        String[] keys = sort.split(",");
        if (keys.length > 5) {
            issues.add(new DatastoreInvalid.Issue("sort", "opendata_sort", sort, "At most 5 sort keys"));
            return;
        }
        for (String key : keys) {
            Matcher m = SORT_KEY.matcher(key);
            DatastoreField field = m.matches() ? byId.get(m.group(1)) : null;
            if (field == null) {
                String shown = m.matches() ? m.group(1) : key.trim();
                issues.add(new DatastoreInvalid.Issue("sort", "opendata_sort", shown, "field \"%s\" not in table".formatted(shown)));
                continue;
            }
            String column = field.id().equals("_id") ? "_id" : DatastoreTables.quote(field.id());
            orderBy.add(column + ("desc".equalsIgnoreCase(m.group(2)) ? " DESC" : " ASC"));
        }
    }

    public String selectSql() {
        String columns = selected.stream().map(f -> f.id().equals("_id") ? "_id" : DatastoreTables.quote(f.id()))
                .collect(Collectors.joining(", "));
        List<String> order = new ArrayList<>(orderBy);
        order.add("_id");
        return "SELECT " + columns + " FROM " + DatastoreTables.qualified(table) + whereSql() + " ORDER BY "
                + String.join(", ", order) + " LIMIT " + limit + " OFFSET " + offset;
    }

    public String countSql() {
        return "SELECT count(*) FROM " + DatastoreTables.qualified(table) + whereSql();
    }

    private String whereSql() {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    public Map<String, Object> binds() {
        return binds;
    }

    public List<DatastoreField> selected() {
        return selected;
    }

    public int limit() {
        return limit;
    }

    public long offset() {
        return offset;
    }
}
