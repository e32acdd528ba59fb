package org.onestop.opendata;

import java.util.List;
import java.util.Set;
import org.onestop.mygov.subscriptions.TargetKind;
import org.onestop.mygov.subscriptions.UpdateSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Updates of open datasets, in the order the update history records them, for "My Government"
 * subscriptions to a dataset: each entry (new data, changed description) matches the dataset by
 * its name, the same name CKAN clients use.
 */
@Component("openDataUpdateSource")
class DatasetUpdateSource implements UpdateSource {

    private static final String NAME = "^[a-z0-9][a-z0-9_-]{1,99}$";

    private record Row(long id, Found found) {
    }

    private final DatabaseClient db;

    DatasetUpdateSource(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public Set<TargetKind> kinds() {
        return Set.of(TargetKind.DATASET);
    }

    @Override
    public Mono<Boolean> knows(TargetKind kind, String target) {
        if (kind != TargetKind.DATASET || !target.matches(NAME)) {
            return Mono.just(false);
        }
        return db.sql("SELECT EXISTS (SELECT 1 FROM opendata_dataset WHERE name = :name)").bind("name", target)
                .map(row -> row.get(0, Boolean.class)).one();
    }

    @Override
    public Mono<Long> latest() {
        return db.sql("SELECT coalesce(max(id), 0) FROM opendata_update").map(row -> row.get(0, Long.class)).one();
    }

    @Override
    public Mono<Batch> after(long position, int limit) {
        return db.sql("""
                SELECT u.id, u.summary, d.name, d.title FROM opendata_update u JOIN opendata_dataset d ON d.id = u.dataset_id
                WHERE u.id > :after ORDER BY u.id LIMIT :limit""")
                .bind("after", position).bind("limit", limit)
                .map(row -> {
                    long id = row.get("id", Long.class);
                    String name = row.get("name", String.class);
                    return new Row(id, new Found("dataset-update:" + id,
                            "数据集“" + row.get("title", String.class) + "”已更新：" + row.get("summary", String.class),
                            "/opendata/dataset.html?name=" + name, List.of(new Target(TargetKind.DATASET, name))));
                })
                .all()
                .collectList()
                .map(rows -> new Batch(rows.stream().map(Row::found).toList(), rows.isEmpty() ? position : rows.getLast().id()));
    }
}
