package org.onestop.mygov.subscriptions;

import java.util.Arrays;
import java.util.List;
import org.onestop.mygov.records.RecordType;
import org.springframework.r2dbc.core.DatabaseClient;
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

    private final DatabaseClient db;

    SubscriptionOptions(DatabaseClient db) {
        this.db = db;
    }

    Mono<Options> options(List<TargetKind> kinds) {
        List<Option> recordTypes = Arrays.stream(RecordType.values()).map(t -> new Option(t.code(), t.nameZh(), t.nameEn())).toList();
        Mono<List<Option>> departments = db.sql("SELECT id, name_zh, name_en FROM department ORDER BY id")
                .map(row -> new Option(String.valueOf(row.get("id", Long.class)), row.get("name_zh", String.class),
                        row.get("name_en", String.class)))
                .all().collectList();
        Mono<List<Option>> categories = db.sql("""
                SELECT c.code, c.name_zh, c.name_en FROM disclosure_category c
                LEFT JOIN disclosure_category p ON p.id = c.parent_id
                ORDER BY coalesce(p.sort_order, c.sort_order), c.parent_id NULLS FIRST, c.sort_order""")
                .map(row -> new Option(row.get("code", String.class), row.get("name_zh", String.class), row.get("name_en", String.class)))
                .all().collectList();
        return Mono.zip(departments, categories).map(t -> new Options(kinds.stream().map(TargetKind::code).toList(),
                Arrays.stream(Frequency.values()).map(Frequency::code).toList(), recordTypes, t.getT1(), t.getT2()));
    }
}
