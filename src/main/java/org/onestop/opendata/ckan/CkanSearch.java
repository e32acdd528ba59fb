package org.onestop.opendata.ckan;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onestop.opendata.CatalogueQuery;
import org.onestop.opendata.CatalogueQuery.SortField;
import org.onestop.opendata.CatalogueQuery.SortKey;
import org.onestop.opendata.Facet;

/**
 * Reads package_search's Solr-style parameters into a catalogue query. {@code fq} is a list of
 * {@code field:value} clauses (values quoted when they hold spaces), all of which must hold;
 * only the indexed fields below are known, and anything else — another field, OR, ranges,
 * parentheses, an unclosed quote — is refused as CKAN refuses a query Solr cannot parse.
 */
final class CkanSearch {

    /** The fq and facet.field names, and the facet each maps to (name is matched separately). */
    static final Map<String, Facet> FIELDS = Map.of("organization", Facet.DEPARTMENT, "groups", Facet.THEME,
            "res_format", Facet.FORMAT, "license_id", Facet.LICENCE, "tags", Facet.TAG);
    private static final Pattern CLAUSE = Pattern.compile("\\+?([a-z_]+):(?:\"([^\"]*)\"|([^\\s\"():\\[\\]{}]+))");

    private CkanSearch() {
    }

    /** The filters of an fq string; names (the package name field) are returned in {@code names}. */
    static Map<Facet, Set<String>> filters(String fq, Set<String> names) {
        Map<Facet, Set<String>> out = new EnumMap<>(Facet.class);
        if (fq == null || fq.isBlank()) {
            return out;
        }
        String rest = fq.trim();
        while (!rest.isEmpty()) {
            Matcher m = CLAUSE.matcher(rest);
            if (!m.lookingAt()) {
                throw CkanError.searchQuery("cannot parse '" + fq + "'");
            }
            String field = m.group(1);
            String value = m.group(2) != null ? m.group(2) : m.group(3);
            if (value.isEmpty() || value.equals("AND") || value.equals("OR")) {
                throw CkanError.searchQuery("cannot parse '" + fq + "'");
            }
            if (field.equals("name")) {
                names.add(value);
            } else if (FIELDS.containsKey(field)) {
                Facet facet = FIELDS.get(field);
                String v = switch (facet) {
                    case DEPARTMENT -> value.toUpperCase(Locale.ROOT);
                    case FORMAT -> value.toUpperCase(Locale.ROOT);
                    default -> value;
                };
                // Two clauses on one field must both hold: keep the intersection.
                out.merge(facet, new HashSet<>(Set.of(v)), (a, b) -> {
                    a.retainAll(b);
                    return a.isEmpty() ? Set.of("\u0000") : a;
                });
            } else {
                throw CkanError.searchQuery("undefined field " + field);
            }
            rest = rest.substring(m.end()).stripLeading();
            if (rest.startsWith("AND ")) {
                rest = rest.substring(4).stripLeading();
            }
        }
        return out;
    }

    static List<SortKey> sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return List.of(new SortKey(SortField.RELEVANCE, true), new SortKey(SortField.UPDATED, true));
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length != 2 || !(words[1].equalsIgnoreCase("asc") || words[1].equalsIgnoreCase("desc"))) {
                throw CkanError.search("Can't determine a sort order on '" + part.trim() + "'");
            }
            SortField field = switch (words[0]) {
                case "score" -> SortField.RELEVANCE;
                case "metadata_modified" -> SortField.UPDATED;
                case "metadata_created" -> SortField.CREATED;
                case "title_string" -> SortField.TITLE;
                case "name" -> SortField.NAME;
                case "views_total", "downloads" -> SortField.DOWNLOADS;
                default -> throw CkanError.search("sort field '" + words[0] + "' is not sortable");
            };
            keys.add(new SortKey(field, words[1].equalsIgnoreCase("desc")));
        }
        return keys;
    }

    static List<String> terms(String q) {
        if (q == null || q.isBlank() || q.trim().equals("*:*")) {
            return List.of();
        }
        if (q.length() > 500) {
            throw CkanError.validation("q", "Must be at most 500 characters");
        }
        return CatalogueQuery.terms(q);
    }
}
