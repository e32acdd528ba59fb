package org.onestop.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.onestop.platform.search.TextQuery;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Full-text search with facets, and keyset-paged catalogues, over published documents. */
@Service
class DocumentSearch {

    static final int MAX_QUERY_LENGTH = 500;

    /** The request parameters as sent: every one is text, so a bad value gets its own field code. */
    record Params(String q, String department, String category, String year, String validity, String from, String to,
            String sort) {
    }

    /** No words and no filters: the disclosure home page and the first view of the search page. */
    private static final SearchFilter EVERYTHING = new SearchFilter(null, null, null, null, null, null, null);

    private final SearchStore store;
    private final ReferenceData reference;
    /**
     * The counts over every published document, which every visit to the home page asks for: a
     * pass over 100,000 rows, so they are kept with the search version they were counted at and
     * counted again only when a document was published, revised or withdrawn since.
     */
    private final AtomicReference<CountedFacets> allFacets = new AtomicReference<>(new CountedFacets(-1, List.of()));

    private record CountedFacets(long version, List<SearchStore.FacetRow> rows) {
    }

    DocumentSearch(SearchStore store, ReferenceData reference) {
        this.store = store;
        this.reference = reference;
    }

    private Mono<List<SearchStore.FacetRow>> allFacets() {
        // Without the counter row (never in a migrated database) nothing can be reused: count each time.
        return store.version().defaultIfEmpty(Long.MIN_VALUE).flatMap(version -> {
            CountedFacets known = allFacets.get();
            if (version == Long.MIN_VALUE) {
                return store.facets(EVERYTHING).collectList();
            }
            if (known.version() == version) {
                return Mono.just(known.rows());
            }
            return store.facets(EVERYTHING).collectList().doOnNext(rows -> allFacets.accumulateAndGet(
                    new CountedFacets(version, rows), (old, fresh) -> fresh.version() >= old.version() ? fresh : old));
        });
    }

    Mono<DisclosureViews.SearchResult> search(Params p, String page, String size) {
        return reference.get().flatMap(ref -> {
            List<FieldProblem> problems = new ArrayList<>();
            String q = PlainText.clean(p.q());
            if (q != null && PlainText.length(q) > MAX_QUERY_LENGTH) {
                problems.add(FieldProblem.of("q", "size", 0, MAX_QUERY_LENGTH));
            }
            SearchFilter base = filter(ref, p, problems);
            SearchStore.Order order = order(p.sort(), problems);
            Integer pageNumber = integer("page", page, problems);
            Integer pageSize = integer("size", size, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ProblemException.invalid(problems));
            }
            PageQuery paging = PageQuery.of(pageNumber, pageSize);
            TextQuery query = TextQuery.parse(q);
            String key = q != null && DocumentNumbers.looksLikeNumber(q) ? DocumentNumbers.key(q) : null;
            if (q != null && !q.isEmpty() && query.isEmpty() && key == null) {
                // Only symbols or emoji: nothing can match, and "everything" would be a wrong answer.
                return Mono.just(new DisclosureViews.SearchResult(List.of(), paging.page(), paging.size(), 0,
                        new DisclosureViews.Facets(List.of(), List.of(), List.of(), List.of())));
            }
            SearchFilter f = new SearchFilter(base.departmentId(), base.categoryIds(), base.validity(), base.from(),
                    base.to(), query.tsquery(), key);
            Highlighter highlighter = new Highlighter(query.terms());
            Mono<List<DisclosureViews.Hit>> hits = store.search(f, order, paging.offset(), paging.size())
                    .map(h -> new DisclosureViews.Hit(h.id(), h.indexNumber(), h.title(), highlighter.mark(h.title()),
                            highlighter.snippet(h.bodyText()), ref.department(h.departmentId()), ref.category(h.categoryId()),
                            h.docNumber(), h.publishedOn(), h.validity(), h.exactNumber()))
                    .collectList();
            Mono<List<SearchStore.FacetRow>> facets = f.equals(EVERYTHING) ? allFacets() : store.facets(f).collectList();
            return Mono.zip(hits, facets).map(t -> new DisclosureViews.SearchResult(t.getT1(), paging.page(), paging.size(),
                    t.getT2().stream().filter(r -> r.facet().equals("total")).mapToLong(SearchStore.FacetRow::count).sum(),
                    facets(t.getT2(), ref)));
        });
    }

    Mono<DisclosureViews.CataloguePage> catalogue(String department, String category, String after, String size) {
        return reference.get().flatMap(ref -> {
            List<FieldProblem> problems = new ArrayList<>();
            SearchFilter f = filter(ref, new Params(null, department, category, null, null, null, null, null), problems);
            CatalogueCursor cursor = null;
            if (after != null && !after.isEmpty()) {
                cursor = CatalogueCursor.decode(after);
                if (cursor == null) {
                    problems.add(FieldProblem.of("after", "cursor"));
                }
            }
            Integer pageSize = integer("size", size, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ProblemException.invalid(problems));
            }
            int limit = PageQuery.of(0, pageSize).size();
            // One row more than the page tells whether a next page exists without counting.
            return store.catalogue(f, cursor, limit + 1).collectList().map(rows -> {
                List<SearchStore.CatalogueRow> page = rows.size() > limit ? rows.subList(0, limit) : rows;
                String next = rows.size() > limit
                        ? new CatalogueCursor(page.getLast().publishedOn(), page.getLast().id()).encode() : null;
                return new DisclosureViews.CataloguePage(page.stream().map(r -> new DisclosureViews.CatalogueItem(r.id(),
                        r.indexNumber(), r.title(), ref.department(r.departmentId()), ref.category(r.categoryId()),
                        r.docNumber(), r.publishedOn(), r.validity())).toList(), next);
            });
        });
    }

    private static SearchFilter filter(ReferenceData.Snapshot ref, Params p, List<FieldProblem> problems) {
        Long department = null;
        if (present(p.department())) {
            Long id = parseLong(p.department());
            if (id == null || !ref.departments().containsKey(id)) {
                problems.add(FieldProblem.of("department", "unknown_department"));
            } else {
                department = id;
            }
        }
        List<Long> categories = null;
        if (present(p.category())) {
            ReferenceData.Category c = ref.category(p.category());
            if (c == null) {
                problems.add(FieldProblem.of("category", "unknown_category"));
            } else {
                categories = ref.subtree(c.id());
            }
        }
        String validity = null;
        if (present(p.validity())) {
            if (!Documents.VALIDITIES.contains(p.validity())) {
                problems.add(FieldProblem.of("validity", "validity"));
            } else {
                validity = p.validity();
            }
        }
        LocalDate from = date("from", p.from(), problems);
        LocalDate to = date("to", p.to(), problems);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(FieldProblem.of("to", "date_order"));
        }
        if (present(p.year())) {
            Long year = parseLong(p.year());
            if (year == null || year < 1949 || year > 2100) {
                problems.add(FieldProblem.of("year", "year"));
            } else {
                LocalDate first = LocalDate.of(year.intValue(), 1, 1);
                LocalDate last = LocalDate.of(year.intValue(), 12, 31);
                from = from == null || from.isBefore(first) ? first : from;
                to = to == null || to.isAfter(last) ? last : to;
            }
        }
        return new SearchFilter(department, categories, validity, from, to, null, null);
    }

    private static DisclosureViews.Facets facets(List<SearchStore.FacetRow> rows, ReferenceData.Snapshot ref) {
        Function<String, List<DisclosureViews.FacetValue>> of = facet -> rows.stream()
                .filter(r -> r.facet().equals(facet))
                .map(r -> value(facet, r, ref))
                .sorted(facet.equals("year")
                        ? Comparator.comparing(DisclosureViews.FacetValue::value).reversed()
                        : Comparator.comparingLong(DisclosureViews.FacetValue::count).reversed()
                                .thenComparing(DisclosureViews.FacetValue::value))
                .toList();
        return new DisclosureViews.Facets(of.apply("department"), of.apply("category"), of.apply("year"), of.apply("validity"));
    }

    private static DisclosureViews.FacetValue value(String facet, SearchStore.FacetRow r, ReferenceData.Snapshot ref) {
        DisclosureViews.Named named = switch (facet) {
            case "department" -> ref.department(Long.parseLong(r.value()));
            case "category" -> ref.category(Long.parseLong(r.value()));
            case "validity" -> switch (r.value()) {
                case "valid" -> new DisclosureViews.Named(0, r.value(), "有效", "In force");
                case "expired" -> new DisclosureViews.Named(0, r.value(), "失效", "Expired");
                default -> new DisclosureViews.Named(0, r.value(), "废止", "Repealed");
            };
            default -> new DisclosureViews.Named(0, r.value(), r.value(), r.value());
        };
        return new DisclosureViews.FacetValue(r.value(), named.code(), named.name(), named.nameEn(), r.count());
    }

    private static SearchStore.Order order(String sort, List<FieldProblem> problems) {
        if (!present(sort)) {
            return SearchStore.Order.RELEVANCE;
        }
        return switch (sort.strip()) {
            case "relevance" -> SearchStore.Order.RELEVANCE;
            case "newest" -> SearchStore.Order.NEWEST;
            case "oldest" -> SearchStore.Order.OLDEST;
            default -> {
                problems.add(FieldProblem.of("sort", "invalid"));
                yield SearchStore.Order.RELEVANCE;
            }
        };
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1900 || date.getYear() > 2100) {
                problems.add(FieldProblem.of(field, "date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "date"));
            return null;
        }
    }

    private static Integer integer(String field, String value, List<FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        Long n = parseLong(value);
        if (n == null) {
            problems.add(FieldProblem.of(field, "type"));
            return null;
        }
        // Out-of-range numbers are PageQuery's to refuse, with its own codes.
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
