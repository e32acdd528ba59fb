package org.onestop.opendata.upload;

import io.r2dbc.spi.R2dbcException;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import org.onestop.opendata.ResourceFormat;
import org.onestop.opendata.StoredFile;
import org.onestop.opendata.datastore.DatastoreTables;
import org.onestop.platform.storage.FileStore;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a stored resource file against its declared format and, for a tabular file that is to be
 * queryable, loads it into a new datastore table. The table is only created after the whole file
 * has been checked, and is dropped again if loading fails, so a refused file leaves nothing behind.
 */
@Component
class ResourceContent {

    /** A checked file, with its new datastore table and shape when it was loaded. */
    record Checked(StoredFile file, String table, TableShape shape) {
    }

    private final FileStore files;
    private final DatastoreTables tables;
    private final JsonMapper json;
    private final UploadProperties limits;

    ResourceContent(FileStore files, DatastoreTables tables, JsonMapper json, UploadProperties limits) {
        this.files = files;
        this.tables = tables;
        this.json = json;
        this.limits = limits;
    }

    Mono<Checked> check(StoredFile stored, ResourceFormat format, boolean datastore) {
        return files.resource(stored.key())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Stored file vanished: " + stored.key())))
                .flatMap(resource -> Mono.fromCallable(resource::getFile))
                .flatMap(file -> switch (format) {
                    case CSV, XLSX -> blocking(() -> shape(file, format))
                            .flatMap(shape -> datastore ? load(file, format, shape).map(t -> new Checked(stored, t, shape))
                                    : Mono.just(new Checked(stored, null, shape)));
                    case JSON, GEOJSON -> blocking(() -> {
                        try (InputStream in = new FileInputStream(file)) {
                            JsonCheck.check(json, in, format == ResourceFormat.GEOJSON);
                        }
                        return new Checked(stored, null, null);
                    });
                    case API -> Mono.error(new IllegalArgumentException("An API resource has no file"));
                });
    }

    private TableShape shape(File file, ResourceFormat format) throws IOException {
        try (RowReader reader = open(file, format)) {
            return TableCheck.check(reader, limits.maxColumns(), limits.maxRows(), limits.maxCellLength(), format == ResourceFormat.XLSX);
        }
    }

    private Mono<String> load(File file, ResourceFormat format, TableShape shape) {
        return tables.create(shape.fields()).flatMap(table -> tables
                .copyCsv(table, shape.fields(), CopyRows.of(() -> open(file, format), shape.fields().size()))
                .then(tables.index(table, shape.indexed()))
                .thenReturn(table)
                .onErrorResume(e -> tables.drop(table).onErrorResume(x -> Mono.empty()).then(Mono.error(
                        e instanceof R2dbcException ? TableCheck.problem("opendata_table_load", e.getMessage()) : e))));
    }

    private RowReader open(File file, ResourceFormat format) throws IOException {
        if (format == ResourceFormat.CSV) {
            return new CsvRowReader(new FileInputStream(file), limits.maxCellLength());
        }
        try {
            return new XlsxRowReader(file);
        } catch (IOException | RuntimeException e) {
            throw TableCheck.problem("opendata_xlsx_invalid");
        }
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic()).onErrorMap(IOException.class,
                e -> e.getCause() instanceof ProblemException p ? p : TableCheck.problem("opendata_table_unreadable"));
    }
}
