package org.onestop.opendata.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.onestop.opendata.DataResource;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.DatasetOwners;
import org.onestop.opendata.DatasetStore;
import org.onestop.opendata.DatasetWriter;
import org.onestop.opendata.ResourceFormat;
import org.onestop.opendata.datastore.DatastoreTables;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.storage.FileStore;
import org.onestop.security.PortalUser;
import org.onestop.web.FieldProblem;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Departments add, replace and delete their datasets' resource files. A new or replacing file is
 * stored and checked (and loaded into a new datastore table) before anything in the catalogue
 * changes; then the resource row, the dataset's update time, its history and the audit entry change
 * in one transaction. Only after that commits are the old file and table removed, so a reader never
 * meets a resource without its file, and a refused upload changes nothing.
 */
@Service
public class ResourcePublishing {

    private static final Logger log = LoggerFactory.getLogger(ResourcePublishing.class);
    private static final List<ResourceFormat> UPLOADABLE = List.of(ResourceFormat.CSV, ResourceFormat.JSON, ResourceFormat.XLSX,
            ResourceFormat.GEOJSON);

    private final DatasetOwners owners;
    private final DatasetStore store;
    private final DatasetWriter writer;
    private final ResourceUpload upload;
    private final ResourceContent content;
    private final DatastoreTables tables;
    private final FileStore files;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final UploadProperties limits;
    private final Clock clock;

    ResourcePublishing(DatasetOwners owners, DatasetStore store, DatasetWriter writer, ResourceUpload upload, ResourceContent content,
            DatastoreTables tables, FileStore files, AuditTrail audit, TransactionalOperator tx, UploadProperties limits, Clock clock) {
        this.owners = owners;
        this.store = store;
        this.writer = writer;
        this.upload = upload;
        this.content = content;
        this.tables = tables;
        this.files = files;
        this.audit = audit;
        this.tx = tx;
        this.limits = limits;
        this.clock = clock;
    }

    /** Adds a file resource to the dataset; returns it as stored. */
    public Mono<DataResource> add(PortalUser official, String datasetName, Flux<PartEvent> parts) {
        return owners.owned(official, datasetName).flatMap(dataset -> receive(parts, NewFile::check).flatMap(got -> {
            ResourceUpload.Received received = got.received();
            NewFile form = got.form();
            return content.check(received.file(), form.format(), form.datastore()).flatMap(checked -> {
                Instant now = clock.instant();
                Long rows = checked.shape() == null ? null : checked.shape().rows();
                Mono<Long> write = writer.nextPosition(dataset.id()).flatMap(position -> writer.insert(new DatasetWriter.NewResource(
                                dataset.id(), position, form.name(), form.description(), form.format(), checked.file(), null,
                                checked.table(), checked.table() == null ? null : checked.shape().fields(), rows, now)))
                        .flatMap(id -> writer.touch(dataset.id(), now)
                                .then(writer.recordUpdate(dataset.id(), now, "新增资源：" + form.name(), official.id()))
                                .then(audit.record(official.id(), "opendata.resource.add", "opendata_resource", id,
                                        detail(dataset, form.name(), checked)))
                                .thenReturn(id));
                return tx.transactional(write).onErrorResume(e -> dropTable(checked.table()).then(Mono.error(e)));
            }).onErrorResume(e -> files.delete(List.of(received.file().key())).then(Mono.error(e)));
        })).flatMap(store::resource);
    }

    /** Replaces a file resource's file (and datastore table, when it has one). */
    public Mono<DataResource> replace(PortalUser official, String datasetName, long resourceId, Flux<PartEvent> parts) {
        return owners.owned(official, datasetName).flatMap(dataset -> {
            DataResource old = fileResource(dataset, resourceId);
            return receive(parts, fields -> summary(fields.get("summary"))).flatMap(got -> {
                ResourceUpload.Received received = got.received();
                String summary = got.form();
                return content.check(received.file(), old.format(), old.inDatastore()).flatMap(checked -> {
                    Instant now = clock.instant();
                    Mono<Void> write = writer.replaceFile(old.id(), checked.file(), checked.table(),
                                    checked.table() == null ? null : checked.shape().fields(),
                                    checked.shape() == null ? null : checked.shape().rows(), now)
                            .then(writer.touch(dataset.id(), now))
                            .then(writer.recordUpdate(dataset.id(), now, "更新资源：" + old.name()
                                    + (summary.isEmpty() ? "" : "（" + summary + "）"), official.id()))
                            .then(audit.record(official.id(), "opendata.resource.replace", "opendata_resource", old.id(),
                                    detail(dataset, old.name(), checked)));
                    return tx.transactional(write)
                            .onErrorResume(e -> dropTable(checked.table()).then(Mono.error(e)))
                            .then(Mono.defer(() -> removeLater(old)));
                }).onErrorResume(e -> files.delete(List.of(received.file().key())).then(Mono.error(e)));
            });
        }).then(Mono.defer(() -> store.resource(resourceId)));
    }

    /** Deletes a resource (a file one with any API resource that queries its datastore table). */
    public Mono<Void> delete(PortalUser official, String datasetName, long resourceId) {
        return owners.owned(official, datasetName).flatMap(dataset -> {
            DataResource old = dataset.resources().stream().filter(r -> r.id() == resourceId).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("resource", resourceId));
            Instant now = clock.instant();
            return tx.transactional(writer.deleteResource(dataset.id(), old.id())
                            .then(writer.recordUpdate(dataset.id(), now, "删除资源：" + old.name(), official.id()))
                            .then(audit.record(official.id(), "opendata.resource.delete", "opendata_resource", old.id(),
                                    Map.of("dataset", dataset.name(), "name", old.name()))))
                    .then(Mono.defer(() -> removeLater(old)));
        });
    }

    /** A received upload with its checked form fields. */
    private record Upload<T>(ResourceUpload.Received received, T form) {
    }

    /**
     * Receives the parts and checks the text fields with {@code form}; when anything is refused,
     * the stored file is deleted before the problem is passed on.
     */
    private <T> Mono<Upload<T>> receive(Flux<PartEvent> parts, Function<Map<String, String>, T> form) {
        return upload.receive(parts, limits.maxFileSize().toBytes()).flatMap(received -> {
            List<FieldProblem> problems = new ArrayList<>(received.problems());
            if (received.file() == null && problems.stream().noneMatch(p -> p.field().equals(ResourceUpload.FILE))) {
                problems.add(FieldProblem.of(ResourceUpload.FILE, "opendata_file_required"));
            }
            if (problems.isEmpty()) {
                return Mono.just(received);
            }
            Mono<Void> clean = received.file() == null ? Mono.empty() : files.delete(List.of(received.file().key()));
            return clean.then(Mono.error(ProblemException.invalid(problems)));
        }).flatMap(received -> Mono.fromCallable(() -> new Upload<>(received, form.apply(received.fields())))
                .onErrorResume(e -> files.delete(List.of(received.file().key())).then(Mono.error(e))));
    }

    private static DataResource fileResource(Dataset dataset, long resourceId) {
        return dataset.resources().stream().filter(r -> r.id() == resourceId && r.isFile()).findFirst()
                .orElseThrow(() -> ProblemException.notFound("resource", resourceId));
    }

    /** After the commit: the replaced file and table are no longer referenced. A failure only leaves litter, logged. */
    private Mono<Void> removeLater(DataResource old) {
        return (old.storageKey() == null ? Mono.<Void>empty() : files.delete(List.of(old.storageKey())))
                .then(dropTable(old.datastoreTable()))
                .onErrorResume(e -> {
                    log.warn("Could not remove the old file or table of resource {}: {}", old.id(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> dropTable(String table) {
        return table == null ? Mono.empty() : tables.drop(table);
    }

    private static Map<String, Object> detail(Dataset dataset, String name, ResourceContent.Checked checked) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dataset", dataset.name());
        d.put("name", name);
        d.put("bytes", checked.file().size());
        d.put("sha256", checked.file().digest());
        if (checked.shape() != null) {
            d.put("rows", checked.shape().rows());
        }
        return d;
    }

    private static String summary(String raw) {
        String s = raw == null ? "" : PlainText.clean(raw).strip();
        if (s.length() > 200) {
            throw ProblemException.invalid("summary", "opendata_resource_summary", 200);
        }
        return s;
    }


    /** The text fields of a new resource, checked. */
    record NewFile(String name, String description, ResourceFormat format, boolean datastore) {

        static NewFile check(Map<String, String> fields) {
            List<FieldProblem> p = new ArrayList<>();
            String name = PlainText.clean(fields.getOrDefault("name", "")).strip();
            if (name.isEmpty() || name.length() > 200) {
                p.add(FieldProblem.of("name", "opendata_resource_name", 200));
            }
            String description = PlainText.clean(fields.getOrDefault("description", "")).strip();
            if (description.length() > 1000) {
                p.add(FieldProblem.of("description", "opendata_resource_description", 1000));
            }
            String formatText = fields.getOrDefault("format", "").strip().toUpperCase(Locale.ROOT);
            ResourceFormat format = UPLOADABLE.stream().filter(f -> f.name().equals(formatText)).findFirst().orElse(null);
            if (format == null) {
                p.add(FieldProblem.of("format", "opendata_upload_format"));
            }
            boolean tabular = format == ResourceFormat.CSV || format == ResourceFormat.XLSX;
            String store = fields.get("datastore");
            boolean datastore = tabular;
            if (store != null && !store.isBlank()) {
                if (!store.equals("true") && !store.equals("false")) {
                    p.add(FieldProblem.of("datastore", "opendata_datastore_flag"));
                } else {
                    datastore = Boolean.parseBoolean(store);
                    if (datastore && format != null && !tabular) {
                        p.add(FieldProblem.of("datastore", "opendata_datastore_tabular"));
                    }
                }
            }
            if (!p.isEmpty()) {
                throw ProblemException.invalid(p);
            }
            return new NewFile(name, description, format, datastore);
        }
    }
}
