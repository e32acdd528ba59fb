package org.onestop.servicehall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.onestop.account.Departments;
import org.onestop.servicehall.ServiceDraft.Condition;
import org.onestop.servicehall.ServiceDraft.Fee;
import org.onestop.servicehall.ServiceDraft.Material;
import org.onestop.servicehall.ServiceDraft.Step;
import org.onestop.servicehall.ServiceViews.AreaRef;
import org.onestop.servicehall.ServiceViews.ConceptRef;
import org.onestop.servicehall.ServiceViews.DepartmentRef;
import org.onestop.servicehall.ServiceViews.FacetValue;
import org.onestop.platform.search.TextQuery;
import org.onestop.web.FieldProblem;
import org.onestop.web.PageQuery;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reading the catalogue: filtered listings with facet counts, guides, the vocabulary and the headline figures. */
@Service
class Catalogue {

    private static final Set<String> AUDIENCES = Set.of("citizen", "enterprise", "both");
    /** Service names are short; a longer query is a mistake or an attack, not a search. */
    static final int MAX_QUERY_LENGTH = 100;

    private final CatalogueStore store;
    private final CatalogueFacets facetCounts;
    private final Departments departments;
    private final JsonMapper json;
    /** The vocabulary is reference data seeded by migration: read once, but not if the read failed. */
    private final Mono<Map<String, CatalogueStore.Concept>> vocabulary;

    Catalogue(CatalogueStore store, CatalogueFacets facetCounts, Departments departments, JsonMapper json) {
        this.store = store;
        this.facetCounts = facetCounts;
        this.departments = departments;
        this.json = json;
        this.vocabulary = store.concepts().collectMap(CatalogueStore.Concept::code, Function.identity(), java.util.LinkedHashMap::new)
                .map(Map::copyOf)
                .cache(v -> Duration.ofHours(1), e -> Duration.ZERO, () -> Duration.ZERO);
    }

    /**
     * A page of the catalogue with its facet counts. A keyword query made only of symbols or emoji
     * can match nothing (and "everything" would be the wrong answer), so it gets an empty page.
     */
    Mono<ServiceViews.Listing> list(String q, String department, String audience, String lifeEvent, String depth,
            String online, PageQuery page) {
        String text = PlainText.clean(q);
        TextQuery query = TextQuery.parse(text);
        boolean unmatchable = text != null && !text.isEmpty() && query.isEmpty();
        return filter(text, query, department, audience, lifeEvent, depth, online).flatMap(f -> unmatchable
                ? Mono.just(new ServiceViews.Listing(List.of(), page.page(), page.size(), 0,
                        new ServiceViews.Facets(List.of(), List.of(), List.of(), List.of())))
                : Mono.zip(store.page(f, page.offset(), page.size()).collectList(), store.count(f), facets(f), vocabulary)
                        .map(t -> new ServiceViews.Listing(t.getT1().stream().map(s -> summary(s, t.getT4())).toList(),
                                page.page(), page.size(), t.getT2(), t.getT3())));
    }

    /** Validates every filter at once, so one answer names every bad value. */
    private Mono<ServiceFilter> filter(String text, TextQuery query, String department, String audience, String lifeEvent,
            String depth, String online) {
        List<FieldProblem> problems = new ArrayList<>();
        if (text != null && PlainText.length(text) > MAX_QUERY_LENGTH) {
            problems.add(FieldProblem.of("q", "size", 0, MAX_QUERY_LENGTH));
        }
        String a = blankToNull(audience);
        if (a != null && !AUDIENCES.contains(a)) {
            problems.add(FieldProblem.of("audience", "servicehall.audience"));
        }
        Integer d = null;
        if (blankToNull(depth) != null) {
            try {
                d = Integer.valueOf(depth.strip());
            } catch (NumberFormatException e) {
                d = -1;
            }
            if (d < 1 || d > 4) {
                problems.add(FieldProblem.of("depth", "servicehall.depth"));
            }
        }
        Boolean o = null;
        if (blankToNull(online) != null) {
            o = switch (online.strip()) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problems.add(FieldProblem.of("online", "servicehall.online"));
                    yield null;
                }
            };
        }
        String code = blankToNull(department);
        String event = blankToNull(lifeEvent);
        Mono<Long> departmentId = code == null ? Mono.just(-1L)
                : departments.byCode(code).map(org.onestop.account.Department::id).defaultIfEmpty(0L);
        Mono<Boolean> eventKnown = event == null ? Mono.just(true)
                : vocabulary.map(v -> v.containsKey(event) && !v.get(event).scheme().equals("theme"));
        Integer chosenDepth = d;
        Boolean chosenOnline = o;
        return Mono.zip(departmentId, eventKnown).flatMap(t -> {
            if (t.getT1() == 0L) {
                problems.add(0, FieldProblem.of("department", "unknown_department"));
            }
            if (!t.getT2()) {
                problems.add(FieldProblem.of("lifeEvent", "servicehall.life_event"));
            }
            if (!problems.isEmpty()) {
                return Mono.error(ProblemException.invalid(problems));
            }
            return Mono.just(new ServiceFilter(t.getT1() < 0 ? null : t.getT1(), a, event, chosenDepth, chosenOnline,
                    query.isEmpty() ? null : new ServiceFilter.Text(query.ideographs(), query.words())));
        });
    }

    private Mono<ServiceViews.Facets> facets(ServiceFilter f) {
        return facetCounts.count(f).collectList().map(rows -> {
            Map<String, Long> audience = new java.util.HashMap<>();
            rows.stream().filter(r -> r.facet().equals("audience")).forEach(r -> audience.put(r.value(), r.count()));
            return new ServiceViews.Facets(values(rows, "department"),
                    List.of(new FacetValue("citizen", "自然人", "Citizens", audience.getOrDefault("citizen", 0L)),
                            new FacetValue("enterprise", "法人", "Enterprises", audience.getOrDefault("enterprise", 0L)),
                            new FacetValue("both", "自然人和法人", "Both", audience.getOrDefault("both", 0L))),
                    values(rows, "lifeEvent"),
                    rows.stream().filter(r -> r.facet().equals("depth"))
                            .map(r -> new FacetValue(r.value(), r.value() + "级", "Level " + r.value(), r.count())).toList());
        });
    }

    private static List<FacetValue> values(List<CatalogueFacets.Row> rows, String facet) {
        return rows.stream().filter(r -> r.facet().equals(facet))
                .map(r -> new FacetValue(r.value(), r.labelZh(), r.labelEn(), r.count())).toList();
    }

    Mono<ServiceViews.Guide> guide(String code) {
        return store.find(code).switchIfEmpty(Mono.error(() -> ProblemException.notFound("service", code)))
                .zipWith(vocabulary, this::guide);
    }

    /** Full guides of one page of the whole catalogue, in catalogue order, with its total. */
    Mono<List<ServiceViews.Guide>> guides(PageQuery page) {
        return store.fullPage(page.offset(), page.size()).collectList()
                .zipWith(vocabulary, (rows, v) -> rows.stream().map(r -> guide(r, v)).toList());
    }

    Mono<Long> size() {
        return store.size();
    }

    Mono<ServiceViews.Stats> stats() {
        return store.stats().map(s -> new ServiceViews.Stats(s.total(), s.fullyOnline(),
                s.total() == 0 ? 0 : (double) s.fullyOnline() / s.total()));
    }

    /** The life and business events a service can be grouped by, in the vocabulary's order. */
    Flux<ConceptRef> lifeEvents() {
        return vocabulary.flatMapIterable(Map::values).filter(c -> !c.scheme().equals("theme")).map(Catalogue::ref);
    }

    private ServiceViews.Guide guide(CatalogueStore.Full r, Map<String, CatalogueStore.Concept> vocabulary) {
        CatalogueStore.Summary s = r.summary();
        List<ConceptRef> concepts = s.concepts().stream().map(vocabulary::get).map(Catalogue::ref).toList();
        return new ServiceViews.Guide(s.code(), s.nameZh(), s.nameEn(), r.descriptionZh(), r.descriptionEn(),
                department(s), area(s.areaCode()), s.itemType(), s.audience(),
                concepts.stream().filter(c -> !c.scheme().equals("theme")).toList(),
                concepts.stream().filter(c -> c.scheme().equals("theme")).toList(),
                new ServiceViews.LegalBasis(r.legalBasis(), r.legalBasisUrl()),
                json.readValue(r.conditions(), new TypeReference<List<Condition>>() { }),
                json.readValue(r.materials(), new TypeReference<List<Material>>() { }),
                json.readValue(r.fees(), new TypeReference<List<Fee>>() { }), r.statutoryDays(), s.promisedDays(),
                json.readValue(r.steps(), new TypeReference<List<Step>>() { }), r.channels(), s.onlineDepth(),
                s.onSiteVisits(), s.fullyOnline(), r.resultName());
    }

    private static ServiceViews.Summary summary(CatalogueStore.Summary s, Map<String, CatalogueStore.Concept> vocabulary) {
        return new ServiceViews.Summary(s.code(), s.nameZh(), s.nameEn(), department(s), area(s.areaCode()), s.itemType(),
                s.audience(), s.concepts().stream().map(vocabulary::get).filter(c -> !c.scheme().equals("theme"))
                        .map(Catalogue::ref).toList(),
                s.onlineDepth(), s.fullyOnline(), s.promisedDays(), s.onSiteVisits());
    }

    private static DepartmentRef department(CatalogueStore.Summary s) {
        return new DepartmentRef(s.departmentId(), s.departmentCode(), s.departmentZh(), s.departmentEn());
    }

    private static AreaRef area(String code) {
        Areas.Area area = Areas.of(code);
        return new AreaRef(area.code(), area.nameZh(), area.nameEn());
    }

    private static ConceptRef ref(CatalogueStore.Concept c) {
        return new ConceptRef(c.code(), c.scheme(), c.nameZh(), c.nameEn());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
