package org.onestop.opendata.datastore;

import java.util.List;
import java.util.Map;

/**
 * A datastore query as received, before any check: filters as parsed JSON (a value, a list of
 * values, or an object of range bounds {@code gt/gte/lt/lte}), the full-text terms, the columns
 * wanted, the sort clause, and the page as the caller wrote it.
 */
public record DatastoreRequest(Map<String, Object> filters, String q, List<String> fields, String sort, String limit,
        String offset, boolean includeTotal) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 32_000;
}
