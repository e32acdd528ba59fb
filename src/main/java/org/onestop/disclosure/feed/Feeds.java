package org.onestop.disclosure.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.platform.CityTime;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The department and category feeds. Links point at the portal's document page, made absolute
 * with the base address the request came in on, since feed readers fetch them out of context.
 */
@Service("disclosureFeeds")
class Feeds {

    private final FeedStore store;
    private final Departments departments;
    private final FeedProperties properties;
    private final Clock clock;

    Feeds(FeedStore store, Departments departments, FeedProperties properties, Clock clock) {
        this.store = store;
        this.departments = departments;
        this.properties = properties;
        this.clock = clock;
    }

    /** The feed of a department given by code or id; 404 for an unknown one. */
    Mono<String> department(String key, String base) {
        Mono<Department> found = key.matches("[0-9]{1,18}") ? departments.byId(Long.parseLong(key)) : departments.byCode(key);
        return found.switchIfEmpty(Mono.error(() -> ProblemException.notFound("department", key)))
                .flatMap(d -> Mono.zip(store.ofDepartment(d.id()).collectList(), names()).map(t -> AtomWriter.write(
                        new AtomWriter.Feed(properties.tag("disclosure/department/" + d.code()),
                                d.nameZh() + " - 政府信息公开", d.nameEn() + " - Government information disclosure",
                                base + "/api/disclosure/feeds/departments/" + d.code(),
                                base + "/disclosure/department.html?id=" + d.id(), d.nameZh(),
                                updated(t.getT1()), entries(t.getT1(), t.getT2(), base)))));
    }

    /** The feed of a category (with its sub-categories) given by code; 404 for an unknown one. */
    Mono<String> category(String code, String base) {
        return store.category(code)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("category", code)))
                .flatMap(c -> Mono.zip(store.ofCategory(c.id()).collectList(), names()).map(t -> AtomWriter.write(
                        new AtomWriter.Feed(properties.tag("disclosure/category/" + c.code()),
                                c.nameZh() + " - 政府信息公开", c.nameEn() + " - Government information disclosure",
                                base + "/api/disclosure/feeds/categories/" + c.code(),
                                base + "/disclosure/search.html?category=" + c.code(), "一站通 · 政府信息公开",
                                updated(t.getT1()), entries(t.getT1(), t.getT2(), base)))));
    }

    private List<AtomWriter.Entry> entries(List<FeedStore.Entry> rows, Map<Long, Department> names, String base) {
        return rows.stream().map(r -> {
            Department d = names.get(r.departmentId());
            String author = d == null ? "一站通" : d.nameZh();
            String summary = "索引号：" + r.indexNumber() + (r.docNumber() == null ? "" : "；文号：" + r.docNumber())
                    + "；发布机构：" + author + "；成文日期：" + r.publishedOn();
            return new AtomWriter.Entry(properties.tag("disclosure/document/" + r.id()), r.title(), r.updatedAt(),
                    r.publishedOn().atStartOfDay(CityTime.ZONE).toOffsetDateTime(), author,
                    base + "/disclosure/document.html?id=" + r.id(), r.categoryCode(), r.categoryName(), summary);
        }).toList();
    }

    /** When the feed last changed: its newest entry's update, or now for an empty feed. */
    private Instant updated(List<FeedStore.Entry> rows) {
        return rows.stream().map(FeedStore.Entry::updatedAt).max(Comparator.naturalOrder()).orElseGet(clock::instant);
    }

    private Mono<Map<Long, Department>> names() {
        return departments.all(null).collect(Collectors.toMap(Department::id, Function.identity()));
    }
}
