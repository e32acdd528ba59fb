package org.onestop.disclosure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads many documents fast: each statement inserts a batch of thousands of rows from arrays
 * ({@code INSERT ... SELECT FROM unnest(...)}), two batches run at once, and the search vectors
 * are computed by PostgreSQL as the rows arrive. For the demo set and tests only: ids are taken
 * as one block after the current largest, so it must not run beside officials publishing.
 */
@Component
class BulkLoader {

    static final int BATCH = 2_000;

    private final DatabaseClient db;
    private final Clock clock;

    BulkLoader(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Loads the documents and returns the id given to each, by ordinal. */
    Mono<long[]> load(Iterable<GeneratedDocument> documents) {
        return db.sql("SELECT coalesce(max(id), 0) FROM disclosure_document").map(r -> r.get(0, Long.class)).one()
                .zipWith(categoryIds())
                .flatMap(t -> {
                    long base = t.getT1();
                    Map<String, Long> categories = t.getT2();
                    List<long[]> related = new ArrayList<>();
                    long[] count = {0};
                    Flux<List<GeneratedDocument>> batches = Flux.fromIterable(documents).buffer(BATCH);
                    return batches
                            .doOnNext(batch -> batch.forEach(d -> {
                                count[0]++;
                                if (d.relatedOrdinal() >= 0) {
                                    related.add(new long[] {base + 1 + d.ordinal(), base + 1 + d.relatedOrdinal()});
                                }
                            }))
                            .flatMap(batch -> insert(batch, base, categories), 2)
                            .then(Mono.defer(() -> insertRelated(related)))
                            .then(Mono.defer(() -> finish()))
                            .then(Mono.fromSupplier(() -> {
                                long[] ids = new long[(int) count[0]];
                                for (int i = 0; i < ids.length; i++) {
                                    ids[i] = base + 1 + i;
                                }
                                return ids;
                            }));
                });
    }

    private Mono<Map<String, Long>> categoryIds() {
        return db.sql("SELECT code, id FROM disclosure_category").map(r -> Map.entry(r.get("code", String.class), r.get("id", Long.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Void> insert(List<GeneratedDocument> batch, long base, Map<String, Long> categories) {
        int n = batch.size();
        Long[] ids = new Long[n];
        String[] indexes = new String[n];
        Long[] departments = new Long[n];
        Long[] categoryIds = new Long[n];
        String[] titles = new String[n];
        String[] numbers = new String[n];
        String[] keys = new String[n];
        String[] topics = new String[n];
        String[] dates = new String[n];
        String[] validities = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            GeneratedDocument d = batch.get(i);
            ids[i] = base + 1 + d.ordinal();
            // The ordinal makes index numbers unique within a load; real ones come from the counter table.
            indexes[i] = "%s/%d-%06d".formatted(d.departmentCode(), d.publishedOn().getYear(), base + 1 + d.ordinal());
            departments[i] = d.departmentId();
            categoryIds[i] = categories.get(d.categoryCode());
            titles[i] = d.title();
            numbers[i] = d.docNumber();
            keys[i] = DocumentNumbers.key(d.docNumber());
            topics[i] = d.topic();
            dates[i] = d.publishedOn().toString();
            validities[i] = d.validity();
            bodies[i] = d.bodyText();
        }
        // Generated text holds no markup characters, so each line becomes a paragraph as it is; a
        // test corpus written by hand goes through the same path and must keep to that too.
        return db.sql("""
                INSERT INTO disclosure_document (id, index_number, department_id, category_id, title, doc_number,
                    doc_number_key, topic, published_on, validity, body, body_text, created_at, updated_at)
                SELECT id, idx, dept, cat, title, num, key, topic, CAST(day AS date), validity,
                       '<p>' || replace(text, E'\\n', '</p><p>') || '</p>', text, :now, :now
                FROM unnest(CAST(:ids AS bigint[]), CAST(:indexes AS text[]), CAST(:departments AS bigint[]),
                            CAST(:categories AS bigint[]), CAST(:titles AS text[]), CAST(:numbers AS text[]),
                            CAST(:keys AS text[]), CAST(:topics AS text[]), CAST(:dates AS text[]),
                            CAST(:validities AS text[]), CAST(:bodies AS text[]))
                     AS t(id, idx, dept, cat, title, num, key, topic, day, validity, text)""")
                .bind("ids", ids).bind("indexes", indexes).bind("departments", departments).bind("categories", categoryIds)
                .bind("titles", titles).bind("numbers", numbers).bind("keys", keys).bind("topics", topics)
                .bind("dates", dates).bind("validities", validities).bind("bodies", bodies).bind("now", clock.instant())
                .then();
    }

    private Mono<Void> insertRelated(List<long[]> pairs) {
        if (pairs.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                INSERT INTO disclosure_related (document_id, related_id, position)
                SELECT d, r, 1 FROM unnest(CAST(:documents AS bigint[]), CAST(:related AS bigint[])) AS t(d, r)
                ON CONFLICT DO NOTHING""")
                .bind("documents", pairs.stream().map(p -> p[0]).toArray(Long[]::new))
                .bind("related", pairs.stream().map(p -> p[1]).toArray(Long[]::new))
                .then();
    }

    /** Moves the id sequence and the index-number counters past the loaded rows, and refreshes statistics. */
    private Mono<Void> finish() {
        return db.sql("SELECT setval(pg_get_serial_sequence('disclosure_document', 'id'), (SELECT max(id) FROM disclosure_document))")
                .then()
                .then(db.sql("""
                        INSERT INTO disclosure_index_counter (department_id, year, last_serial)
                        SELECT department_id, CAST(EXTRACT(YEAR FROM published_on) AS int),
                               max(CAST(substring(index_number FROM '([0-9]+)$') AS int))
                        FROM disclosure_document GROUP BY 1, 2
                        ON CONFLICT (department_id, year) DO UPDATE SET last_serial = GREATEST(
                            disclosure_index_counter.last_serial, EXCLUDED.last_serial)""").then())
                .then(db.sql("ANALYZE disclosure_document, disclosure_search").then());
    }
}
