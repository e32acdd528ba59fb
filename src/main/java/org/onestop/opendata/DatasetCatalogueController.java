package org.onestop.opendata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.onestop.platform.storage.FileStore;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The public catalogue: search with facets and sorting, and dataset pages. */
@RestController
class DatasetCatalogueController {

    private final DatasetCatalogue catalogue;
    private final DatasetStore store;
    private final FileStore files;
    private final Clock clock;

    DatasetCatalogueController(DatasetCatalogue catalogue, DatasetStore store, FileStore files, Clock clock) {
        this.catalogue = catalogue;
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    @GetMapping("/api/opendata/datasets")
    Mono<OpenDataViews.SearchResult> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> theme, @RequestParam(required = false) List<String> department,
            @RequestParam(required = false) List<String> format, @RequestParam(required = false) List<String> licence,
            @RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, ServerWebExchange exchange) {
        PageQuery paging = PageQuery.of(page, size);
        List<FieldProblem> problems = new ArrayList<>();
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        filters.put(Facet.THEME, checked(theme, "theme", v -> Theme.fromCode(v) != null, problems));
        filters.put(Facet.DEPARTMENT, checked(department, "department", v -> v.length() <= 32, problems));
        filters.put(Facet.FORMAT, checked(format, "format", v -> isFormat(v), problems));
        filters.put(Facet.LICENCE, checked(licence, "licence", v -> Licence.fromCode(v) != null, problems));
        CatalogueQuery.SortKey order = switch (sort == null ? "relevance" : sort) {
            case "relevance" -> new CatalogueQuery.SortKey(CatalogueQuery.SortField.RELEVANCE, true);
            case "updated" -> new CatalogueQuery.SortKey(CatalogueQuery.SortField.UPDATED, true);
            case "downloads" -> new CatalogueQuery.SortKey(CatalogueQuery.SortField.DOWNLOADS, true);
            case "name" -> new CatalogueQuery.SortKey(CatalogueQuery.SortField.TITLE, false);
            default -> {
                problems.add(FieldProblem.of("sort", "opendata_sort_catalogue"));
                yield null;
            }
        };
        if (q != null && q.length() > 200) {
            problems.add(FieldProblem.of("q", "opendata_q_length", 200));
        }
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        List<CatalogueQuery.SortKey> keys = order.field() == CatalogueQuery.SortField.RELEVANCE
                ? List.of(order, new CatalogueQuery.SortKey(CatalogueQuery.SortField.UPDATED, true)) : List.of(order);
        Locale locale = exchange.getLocaleContext().getLocale();
        Locale shown = locale == null ? Locale.CHINA : locale;
        return catalogue.search(new CatalogueQuery(CatalogueQuery.terms(q), filters, Set.of(), keys, (int) paging.offset(), paging.size()))
                .map(result -> new OpenDataViews.SearchResult(result.datasets().stream().map(d -> OpenDataViews.summary(d, shown)).toList(),
                        paging.page(), paging.size(), result.total(), facets(result, shown)));
    }

    @GetMapping("/api/opendata/datasets/{name}")
    Mono<OpenDataViews.Detail> dataset(@PathVariable String name, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale() == null ? Locale.CHINA : exchange.getLocaleContext().getLocale();
        return store.byName(name)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("dataset", name)))
                .flatMap(d -> Mono.zip(store.history(d.id()).collectList(),
                                // Checking that files exist touches the disk.
                                Mono.fromCallable(() -> QualityScore.of(d, clock.instant(), r -> files.exists(r.storageKey())))
                                        .subscribeOn(Schedulers.boundedElastic()))
                        .map(t -> OpenDataViews.detail(d, locale, !QualityScore.onTime(d, clock.instant()), t.getT2(), t.getT1())));
    }

    private static Map<String, List<OpenDataViews.FacetValue>> facets(CatalogueResult result, Locale locale) {
        Map<String, List<OpenDataViews.FacetValue>> out = new LinkedHashMap<>();
        for (Facet f : List.of(Facet.THEME, Facet.DEPARTMENT, Facet.FORMAT, Facet.LICENCE)) {
            out.put(f.name().toLowerCase(Locale.ROOT), result.facets().get(f).entrySet().stream()
                    .map(e -> new OpenDataViews.FacetValue(e.getKey(), label(f, e.getKey(), locale, result), e.getValue())).toList());
        }
        return out;
    }

    private static String label(Facet f, String value, Locale locale, CatalogueResult result) {
        return switch (f) {
            case THEME -> Theme.fromCode(value).name(locale);
            case LICENCE -> OpenDataViews.licence(Licence.fromCode(value), locale).name();
            case DEPARTMENT -> OpenDataViews.department(result.publishers().get(value), locale).name();
            default -> value;
        };
    }

    private static boolean isFormat(String v) {
        for (ResourceFormat f : ResourceFormat.values()) {
            if (f.name().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> checked(List<String> values, String field, java.util.function.Predicate<String> ok,
            List<FieldProblem> problems) {
        if (values == null) {
            return Set.of();
        }
        for (String v : values) {
            if (!ok.test(v)) {
                problems.add(FieldProblem.of(field, "opendata_unknown_" + field));
                return Set.of();
            }
        }
        return Set.copyOf(values);
    }
}
