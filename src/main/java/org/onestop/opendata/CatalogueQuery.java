package org.onestop.opendata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked catalogue query: search terms (all must match), filters (any of the values within a
 * facet, every facet), sort keys in order, and a page.
 */
public record CatalogueQuery(List<String> terms, Map<Facet, Set<String>> filters, Set<String> names, List<SortKey> sort,
        int offset, int limit) {

    public enum SortField { RELEVANCE, UPDATED, CREATED, DOWNLOADS, TITLE, NAME }

    public record SortKey(SortField field, boolean descending) {
    }

    public static List<String> terms(String q) {
        return q == null || q.isBlank() ? List.of() : List.of(q.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
    }
}
