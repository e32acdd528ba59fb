package org.onestop.opendata;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * DatasetCatalogue search with facets. A city's catalogue holds hundreds of datasets, so matching,
 * ranking and counting run over the whole catalogue read in two queries; Chinese terms match as
 * substrings of title, keywords, publisher and description, ranked in that order of weight.
 */
@Service
public class DatasetCatalogue {

    private static final Collator PINYIN = Collator.getInstance(Locale.CHINA);

    private final DatasetStore store;

    DatasetCatalogue(DatasetStore store) {
        this.store = store;
    }

    public Mono<CatalogueResult> search(CatalogueQuery query) {
        return store.all().map(all -> {
            List<Scored> matches = new ArrayList<>();
            for (Dataset d : all) {
                int score = score(d, query.terms());
                if (score > 0 && passes(d, query)) {
                    matches.add(new Scored(d, score));
                }
            }
            matches.sort(order(query.sort()));
            Map<Facet, Map<String, Long>> facets = new EnumMap<>(Facet.class);
            for (Facet f : Facet.values()) {
                Map<String, Long> counts = new LinkedHashMap<>();
                matches.forEach(m -> f.values(m.dataset()).forEach(v -> counts.merge(v, 1L, Long::sum)));
                facets.put(f, sortedByCount(counts));
            }
            List<Dataset> page = matches.stream().skip(query.offset()).limit(query.limit()).map(Scored::dataset).toList();
            Map<String, Dataset.Publisher> publishers = new LinkedHashMap<>();
            matches.forEach(m -> publishers.put(m.dataset().publisher().code(), m.dataset().publisher()));
            return new CatalogueResult(matches.size(), page, facets, publishers);
        });
    }

    private static boolean passes(Dataset d, CatalogueQuery query) {
        if (!query.names().isEmpty() && !query.names().contains(d.name())) {
            return false;
        }
        for (Map.Entry<Facet, Set<String>> filter : query.filters().entrySet()) {
            if (filter.getValue().isEmpty()) {
                continue;
            }
            if (filter.getKey().values(d).stream().noneMatch(filter.getValue()::contains)) {
                return false;
            }
        }
        return true;
    }

    /** 1 when there are no terms; 0 when a term matches nowhere; otherwise the weighted matches. */
    static int score(Dataset d, List<String> terms) {
        if (terms.isEmpty()) {
            return 1;
        }
        String title = d.title().toLowerCase(Locale.ROOT);
        String description = d.description().toLowerCase(Locale.ROOT);
        String publisher = d.publisher().nameZh() + " " + d.publisher().nameEn().toLowerCase(Locale.ROOT);
        int total = 0;
        for (String term : terms) {
            int s = (title.contains(term) ? 10 : 0) + (description.contains(term) ? 1 : 0) + (publisher.contains(term) ? 2 : 0)
                    + (d.name().contains(term) ? 3 : 0);
            for (String k : d.keywords()) {
                s += k.toLowerCase(Locale.ROOT).equals(term) ? 6 : k.toLowerCase(Locale.ROOT).contains(term) ? 3 : 0;
            }
            if (s == 0) {
                return 0;
            }
            total += s;
        }
        return total;
    }

    private static Comparator<Scored> order(List<CatalogueQuery.SortKey> keys) {
        Comparator<Scored> c = (a, b) -> 0;
        for (CatalogueQuery.SortKey key : keys) {
            Comparator<Scored> k = switch (key.field()) {
                case RELEVANCE -> Comparator.comparingInt(Scored::score);
                case UPDATED -> Comparator.comparing(s -> s.dataset().updatedAt());
                case CREATED -> Comparator.comparing(s -> s.dataset().createdAt());
                case DOWNLOADS -> Comparator.comparingLong(s -> s.dataset().downloads());
                case TITLE -> Comparator.comparing(s -> s.dataset().title(), PINYIN);
                case NAME -> Comparator.comparing(s -> s.dataset().name());
            };
            c = c.thenComparing(key.descending() ? k.reversed() : k);
        }
        // A stable tiebreak, so pages never overlap.
        return c.thenComparing(s -> s.dataset().id());
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private record Scored(Dataset dataset, int score) {
    }
}
