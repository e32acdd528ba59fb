package org.onestop.opendata;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.onestop.opendata.datastore.DatastoreField;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Inserts datasets, their resources and update-history entries. */
@Component
public class DatasetWriter {

    /** The length of opendata_update.summary. */
    private static final int MAX_SUMMARY = 500;

    private final DatabaseClient db;
    private final DatasetStore store;

    DatasetWriter(DatabaseClient db, DatasetStore store) {
        this.db = db;
        this.store = store;
    }

    /** A dataset's metadata as published. */
    public record NewDataset(String name, String title, String description, Theme theme, long departmentId,
            List<String> keywords, Licence licence, Frequency frequency, LocalDate temporalStart, LocalDate temporalEnd,
            String spatial, Dataset.Contact contact, Instant createdAt, Instant updatedAt) {
    }

    /** A resource: a stored file (optionally also in the datastore) or an API URL. */
    public record NewResource(long datasetId, int position, String name, String description, ResourceFormat format,
            StoredFile file, String apiUrl, String datastoreTable, List<DatastoreField> fields, Long rowCount, Instant at) {
    }

    public Mono<Long> insert(NewDataset d) {
        var spec = db.sql("""
                INSERT INTO opendata_dataset (name, title, description, theme, department_id, keywords, licence,
                    update_frequency, temporal_start, temporal_end, spatial, contact_name, contact_email, contact_phone,
                    created_at, updated_at)
                VALUES (:name, :title, :description, :theme, :department, :keywords, :licence, :frequency, :start, :end,
                    :spatial, :contactName, :contactEmail, :contactPhone, :created, :updated)
                RETURNING id""")
                .bind("name", d.name()).bind("title", d.title()).bind("description", d.description())
                .bind("theme", d.theme().code()).bind("department", d.departmentId())
                .bind("keywords", d.keywords().toArray(String[]::new)).bind("licence", d.licence().code())
                .bind("frequency", d.frequency().code()).bind("spatial", d.spatial())
                .bind("contactName", d.contact().name()).bind("contactEmail", d.contact().email())
                .bind("created", d.createdAt()).bind("updated", d.updatedAt());
        spec = d.temporalStart() == null ? spec.bindNull("start", LocalDate.class) : spec.bind("start", d.temporalStart());
        spec = d.temporalEnd() == null ? spec.bindNull("end", LocalDate.class) : spec.bind("end", d.temporalEnd());
        spec = d.contact().phone() == null ? spec.bindNull("contactPhone", String.class) : spec.bind("contactPhone", d.contact().phone());
        return spec.map(r -> r.get(0, Long.class)).one();
    }

    public Mono<Long> insert(NewResource r) {
        var spec = db.sql("""
                INSERT INTO opendata_resource (dataset_id, position, name, description, format, storage_key, byte_size,
                    digest, api_url, datastore_table, datastore_fields, row_count, created_at, updated_at)
                VALUES (:dataset, :position, :name, :description, :format, :key, :size, :digest, :api, :table, :fields,
                    :rows, :at, :at)
                RETURNING id""")
                .bind("dataset", r.datasetId()).bind("position", r.position()).bind("name", r.name())
                .bind("description", r.description()).bind("format", r.format().name()).bind("at", r.at());
        spec = r.file() == null
                ? spec.bindNull("key", String.class).bindNull("size", Long.class).bindNull("digest", String.class)
                : spec.bind("key", r.file().key()).bind("size", r.file().size()).bind("digest", r.file().digest());
        spec = r.apiUrl() == null ? spec.bindNull("api", String.class) : spec.bind("api", r.apiUrl());
        spec = r.datastoreTable() == null
                ? spec.bindNull("table", String.class).bindNull("fields", Json.class)
                : spec.bind("table", r.datastoreTable()).bind("fields", Json.of(store.fieldsJson(r.fields())));
        spec = r.rowCount() == null ? spec.bindNull("rows", Long.class) : spec.bind("rows", r.rowCount());
        return spec.map(row -> row.get(0, Long.class)).one();
    }

    /** Points an API resource at a path that names another resource (known only once both exist). */
    public Mono<Void> setApiUrl(long resourceId, String url) {
        return db.sql("UPDATE opendata_resource SET api_url = :url WHERE id = :id").bind("url", url).bind("id", resourceId).then();
    }

    /** The position after the dataset's last resource. */
    public Mono<Integer> nextPosition(long datasetId) {
        return db.sql("SELECT coalesce(max(position), -1) + 1 FROM opendata_resource WHERE dataset_id = :d")
                .bind("d", datasetId).map(r -> r.get(0, Integer.class)).one();
    }

    /** Points a file resource at a new stored file and (when tabular) its new datastore table. */
    public Mono<Void> replaceFile(long resourceId, StoredFile file, String table, List<DatastoreField> fields, Long rows, Instant at) {
        var spec = db.sql("""
                UPDATE opendata_resource SET storage_key = :key, byte_size = :size, digest = :digest, datastore_table = :table,
                    datastore_fields = :fields, row_count = :rows, updated_at = :at
                WHERE id = :id""")
                .bind("key", file.key()).bind("size", file.size()).bind("digest", file.digest()).bind("at", at).bind("id", resourceId);
        spec = table == null
                ? spec.bindNull("table", String.class).bindNull("fields", Json.class)
                : spec.bind("table", table).bind("fields", Json.of(store.fieldsJson(fields)));
        spec = rows == null ? spec.bindNull("rows", Long.class) : spec.bind("rows", rows);
        return spec.then();
    }

    /** Deletes a resource and the API resources that query it; returns how many rows went. */
    public Mono<Long> deleteResource(long datasetId, long resourceId) {
        return db.sql("""
                DELETE FROM opendata_resource
                WHERE dataset_id = :d AND (id = :id OR api_url = '/api/3/action/datastore_search?resource_id=' || :id)""")
                .bind("d", datasetId).bind("id", resourceId).fetch().rowsUpdated();
    }

    /** Marks the dataset's data as updated: it is on time again. */
    public Mono<Void> touch(long datasetId, Instant at) {
        return db.sql("UPDATE opendata_dataset SET updated_at = :at WHERE id = :id").bind("at", at).bind("id", datasetId).then();
    }

    /**
     * Adds an entry to the dataset's update history. Summaries are built from names that officials
     * typed, so one that would overflow the column is shortened here rather than refused.
     */
    public Mono<Void> recordUpdate(long datasetId, Instant at, String summary, Long actorId) {
        String fitted = summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
        var spec = db.sql("INSERT INTO opendata_update (dataset_id, at, summary, actor_id) VALUES (:d, :at, :s, :a)")
                .bind("d", datasetId).bind("at", at).bind("s", fitted);
        return (actorId == null ? spec.bindNull("a", Long.class) : spec.bind("a", actorId)).then();
    }
}
