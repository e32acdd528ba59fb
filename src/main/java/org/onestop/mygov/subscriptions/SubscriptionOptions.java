package org.onestop.mygov.subscriptions;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.disclosure.DisclosureCategories;
import org.onestop.mygov.records.RecordType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What the subscription form offers: the kinds available now and the targets of each. */
@Component
class SubscriptionOptions {

    record Option(String value, String nameZh, String nameEn) {
    }

    record Options(List<String> kinds, List<String> frequencies, List<Option> recordTypes, List<Option> departments,
            List<Option> categories) {
    }

    private final Departments departments;
    private final DisclosureCategories categories;

    SubscriptionOptions(Departments departments, DisclosureCategories categories) {
        this.departments = departments;
        this.categories = categories;
    }

    Mono<Options> options(List<TargetKind> kinds) {
        List<Option> recordTypes = Arrays.stream(RecordType.values()).map(t -> new Option(t.code(), t.nameZh(), t.nameEn())).toList();
        Mono<List<Option>> departmentOptions = departments.all(null)
                .sort(Comparator.comparingLong(Department::id))
                .map(d -> new Option(String.valueOf(d.id()), d.nameZh(), d.nameEn()))
                .collectList();
        Mono<List<Option>> categoryOptions = categories.all().map(c -> new Option(c.code(), c.nameZh(), c.nameEn())).collectList();
        return Mono.zip(departmentOptions, categoryOptions).map(t -> new Options(kinds.stream().map(TargetKind::code).toList(),
                Arrays.stream(Frequency.values()).map(Frequency::code).toList(), recordTypes, t.getT1(), t.getT2()));
    }
}
