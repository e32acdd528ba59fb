package org.onestop.opendata.ckan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onestop.opendata.DatasetCatalogue;
import org.onestop.opendata.CatalogueQuery;
import org.onestop.opendata.DataResource;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.DatasetStore;
import org.onestop.opendata.Facet;
import org.onestop.opendata.Theme;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The catalogue actions (everything but datastore_search), each returning CKAN's result value. */
@Component
class CkanActions {

    static final int MAX_ROWS = 1_000;
    private static final int MAX_LIST = 1_000;

    private final DatasetCatalogue catalogue;
    private final DatasetStore store;

    CkanActions(DatasetCatalogue catalogue, DatasetStore store) {
        this.catalogue = catalogue;
        this.store = store;
    }

    Mono<Object> packageList(CkanParams p) {
        int limit = p.natural("limit", MAX_LIST, MAX_LIST);
        int offset = p.natural("offset", 0, Integer.MAX_VALUE);
        return store.all().map(all -> all.stream().map(Dataset::name).sorted().skip(offset).limit(limit).toList());
    }

    Mono<Object> packageShow(CkanParams p, String base) {
        String id = p.required("id");
        return dataset(id).map(d -> (Object) CkanDicts.pkg(d, base))
                .switchIfEmpty(Mono.error(() -> CkanError.notFound("Not found")));
    }

    Mono<Object> resourceShow(CkanParams p, String base) {
        String id = p.required("id");
        return (id.matches("[0-9]{1,18}") ? store.resource(Long.parseLong(id)) : Mono.<DataResource>empty())
                .map(r -> (Object) CkanDicts.resource(r, base))
                .switchIfEmpty(Mono.error(() -> CkanError.notFound("Resource was not found.")));
    }

    Mono<Object> packageSearch(CkanParams p, String base, CkanParams.Parse parse) {
        int rows = p.natural("rows", 10, MAX_ROWS);
        int start = p.natural("start", 0, 1_000_000);
        List<String> facetFields = p.list("facet.field", parse);
        boolean facets = p.bool("facet", true);
        int facetLimit = p.natural("facet.limit", 50, 1_000);
        if (facetFields != null) {
            for (String f : facetFields) {
                if (!CkanSearch.FIELDS.containsKey(f)) {
                    throw CkanError.validation("facet.field", "Unknown facet field: " + f);
                }
            }
        }
        Set<String> names = new HashSet<>();
        String sort = p.string("sort");
        CatalogueQuery query = new CatalogueQuery(CkanSearch.terms(p.string("q")), CkanSearch.filters(p.string("fq"), names),
                names, CkanSearch.sort(sort), start, rows);
        return catalogue.search(query).map(result -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("count", result.total());
            out.put("sort", sort == null || sort.isBlank() ? "score desc, metadata_modified desc" : sort);
            Map<String, Object> plain = new LinkedHashMap<>();
            Map<String, Object> search = new LinkedHashMap<>();
            if (facets && facetFields != null) {
                for (String f : facetFields) {
                    Map<String, Long> counts = result.facets().get(CkanSearch.FIELDS.get(f));
                    Map<String, Long> shown = new LinkedHashMap<>();
                    List<Map<String, Object>> items = new ArrayList<>();
                    counts.entrySet().stream().limit(facetLimit).forEach(e -> {
                        String name = name(f, e.getKey());
                        shown.put(name, e.getValue());
                        items.add(Map.of("name", name, "display_name", display(f, e.getKey(), result.publishers()),
                                "count", e.getValue()));
                    });
                    plain.put(f, shown);
                    search.put(f, Map.of("title", f, "items", items));
                }
            }
            out.put("facets", plain);
            out.put("search_facets", search);
            out.put("results", result.datasets().stream().map(d -> CkanDicts.pkg(d, base)).toList());
            return out;
        });
    }

    Mono<Object> organizationList(CkanParams p) {
        boolean allFields = p.bool("all_fields", false);
        int limit = p.natural("limit", MAX_LIST, MAX_LIST);
        int offset = p.natural("offset", 0, Integer.MAX_VALUE);
        return store.all().map(all -> {
            Map<Long, Dataset.Publisher> publishers = new LinkedHashMap<>();
            Map<Long, Long> counts = new LinkedHashMap<>();
            all.forEach(d -> {
                publishers.put(d.publisher().id(), d.publisher());
                counts.merge(d.publisher().id(), 1L, Long::sum);
            });
            return publishers.values().stream().sorted(Comparator.comparing(CkanDicts::organizationName)).skip(offset).limit(limit)
                    .map(o -> allFields ? CkanDicts.organization(o, counts.get(o.id())) : (Object) CkanDicts.organizationName(o))
                    .toList();
        });
    }

    Mono<Object> groupList(CkanParams p) {
        boolean allFields = p.bool("all_fields", false);
        return store.all().map(all -> {
            Map<Theme, Long> counts = new LinkedHashMap<>();
            all.forEach(d -> counts.merge(d.theme(), 1L, Long::sum));
            List<Object> out = new ArrayList<>();
            for (Theme t : Theme.values()) {
                out.add(allFields ? CkanDicts.group(t, counts.getOrDefault(t, 0L)) : t.code());
            }
            return out;
        });
    }

    private Mono<Dataset> dataset(String id) {
        return id.matches("[0-9]{1,18}") ? store.byId(Long.parseLong(id)).switchIfEmpty(store.byName(id)) : store.byName(id);
    }

    private static String name(String field, String value) {
        return switch (field) {
            case "organization" -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }

    private static String display(String field, String value, Map<String, Dataset.Publisher> publishers) {
        return switch (field) {
            case "organization" -> publishers.containsKey(value) ? publishers.get(value).nameZh() : value;
            case "groups" -> Theme.fromCode(value) == null ? value : Theme.fromCode(value).nameZh();
            default -> value;
        };
    }

    static Facet facet(String field) {
        return CkanSearch.FIELDS.get(field);
    }
}
