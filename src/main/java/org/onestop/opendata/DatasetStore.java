package org.onestop.opendata;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.onestop.opendata.datastore.DatastoreField;
import org.onestop.opendata.datastore.FieldType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads datasets with their publisher and resources, and single resources. */
@Component
public class DatasetStore {

    private static final String DATASETS = """
            SELECT d.id, d.name, d.title, d.description, d.theme, d.department_id, p.code, p.name_zh, p.name_en,
                   d.keywords, d.licence, d.update_frequency, d.temporal_start, d.temporal_end, d.spatial,
                   d.contact_name, d.contact_email, d.contact_phone, d.created_at, d.updated_at, d.downloads
            FROM opendata_dataset d JOIN department p ON p.id = d.department_id""";
    private static final String RESOURCES = """
            SELECT id, dataset_id, position, name, description, format, storage_key, byte_size, digest, api_url,
                   datastore_table, datastore_fields, row_count, created_at, updated_at, downloads
            FROM opendata_resource""";

    private final DatabaseClient db;
    private final JsonMapper json;

    DatasetStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Every dataset with its resources, by id. A catalogue holds hundreds, not millions, of datasets. */
    public Mono<List<Dataset>> all() {
        Mono<Map<Long, List<DataResource>>> resources = db.sql(RESOURCES + " ORDER BY dataset_id, position")
                .map(this::resource).all().collectMultimap(DataResource::datasetId)
                .map(m -> {
                    Map<Long, List<DataResource>> out = new java.util.HashMap<>();
                    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
                    return out;
                });
        return db.sql(DATASETS + " ORDER BY d.id").map(DatasetStore::dataset).all().collectList()
                .zipWith(resources, (list, byDataset) -> list.stream()
                        .map(d -> d.withResources(byDataset.getOrDefault(d.id(), List.of()))).toList());
    }

    public Mono<Dataset> byId(long id) {
        return db.sql(DATASETS + " WHERE d.id = :id").bind("id", id).map(DatasetStore::dataset).one()
                .flatMap(this::withResources);
    }

    public Mono<Dataset> byName(String name) {
        return db.sql(DATASETS + " WHERE d.name = :name").bind("name", name).map(DatasetStore::dataset).one()
                .flatMap(this::withResources);
    }

    public Mono<DataResource> resource(long id) {
        return db.sql(RESOURCES + " WHERE id = :id").bind("id", id).map(this::resource).one();
    }

    public Flux<DatasetUpdate> history(long datasetId) {
        return db.sql("SELECT at, summary FROM opendata_update WHERE dataset_id = :id ORDER BY at DESC, id DESC LIMIT 50")
                .bind("id", datasetId)
                .map(r -> new DatasetUpdate(r.get("at", Instant.class), r.get("summary", String.class))).all();
    }

    private Mono<Dataset> withResources(Dataset d) {
        return db.sql(RESOURCES + " WHERE dataset_id = :id ORDER BY position").bind("id", d.id())
                .map(this::resource).all().collectList().map(d::withResources);
    }

    private static Dataset dataset(Readable r) {
        String[] keywords = r.get("keywords", String[].class);
        return new Dataset(r.get("id", Long.class), r.get("name", String.class), r.get("title", String.class),
                r.get("description", String.class), Theme.fromCode(r.get("theme", String.class)),
                new Dataset.Publisher(r.get("department_id", Long.class), r.get("code", String.class),
                        r.get("name_zh", String.class), r.get("name_en", String.class)),
                keywords == null ? List.of() : Arrays.asList(keywords), Licence.fromCode(r.get("licence", String.class)),
                Frequency.fromCode(r.get("update_frequency", String.class)), r.get("temporal_start", LocalDate.class),
                r.get("temporal_end", LocalDate.class), r.get("spatial", String.class),
                new Dataset.Contact(r.get("contact_name", String.class), r.get("contact_email", String.class),
                        r.get("contact_phone", String.class)),
                r.get("created_at", Instant.class), r.get("updated_at", Instant.class), r.get("downloads", Long.class), List.of());
    }

    private DataResource resource(Readable r) {
        Json fields = r.get("datastore_fields", Json.class);
        return new DataResource(r.get("id", Long.class), r.get("dataset_id", Long.class), r.get("position", Integer.class),
                r.get("name", String.class), r.get("description", String.class),
                ResourceFormat.valueOf(r.get("format", String.class)), r.get("storage_key", String.class),
                r.get("byte_size", Long.class), r.get("digest", String.class), r.get("api_url", String.class),
                r.get("datastore_table", String.class), fields == null ? null : fields(fields.asString()),
                r.get("row_count", Long.class), r.get("created_at", Instant.class), r.get("updated_at", Instant.class),
                r.get("downloads", Long.class));
    }

    private List<DatastoreField> fields(String text) {
        List<DatastoreField> out = new ArrayList<>();
        for (JsonNode f : json.readTree(text)) {
            out.add(new DatastoreField(f.path("id").asString(), FieldType.fromCkan(f.path("type").asString()),
                    f.path("label").asString()));
        }
        return List.copyOf(out);
    }

    /** The column list as stored in datastore_fields. */
    public String fieldsJson(List<DatastoreField> fields) {
        return json.writeValueAsString(fields.stream()
                .map(f -> Map.of("id", f.id(), "type", f.type().ckan(), "label", f.label())).toList());
    }
}
