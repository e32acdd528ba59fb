package org.onestop.opendata.demo;

import io.netty.buffer.Unpooled;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.onestop.account.Departments;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.DatasetWriter;
import org.onestop.opendata.DatasetWriter.NewDataset;
import org.onestop.opendata.DatasetWriter.NewResource;
import org.onestop.opendata.ResourceFiles;
import org.onestop.opendata.ResourceFormat;
import org.onestop.opendata.StoredFile;
import org.onestop.opendata.datastore.DatastoreTables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Loads planned demo datasets: writes each file to storage as it is generated, COPYs the CSV into
 * a new datastore table, indexes it, then records the dataset and its resources in one
 * transaction. Two datasets load at a time (the database does most of the work).
 */
@Component
class DemoLoader {

    private final ResourceFiles files;
    private final DatastoreTables tables;
    private final DatasetWriter writer;
    private final Departments departments;
    private final TransactionalOperator tx;

    DemoLoader(ResourceFiles files, DatastoreTables tables, DatasetWriter writer, Departments departments,
            TransactionalOperator tx) {
        this.files = files;
        this.tables = tables;
        this.writer = writer;
        this.departments = departments;
        this.tx = tx;
    }

    /** Loads the datasets and returns the total number of datastore rows. */
    Mono<Long> load(List<DemoPlan.Planned> planned) {
        return Flux.fromIterable(planned).flatMap(this::load, 2).reduce(0L, Long::sum);
    }

    private Mono<Long> load(DemoPlan.Planned p) {
        DemoRows rows = new DemoRows(p.template(), p.scope(), p.seed());
        // A template without a date column has no temporal coverage: an empty array, not an empty Mono.
        Mono<LocalDate[]> coverage = Mono.fromCallable(() -> {
            LocalDate[] c = rows.coverage();
            return c == null ? new LocalDate[0] : c;
        }).subscribeOn(Schedulers.boundedElastic());
        Mono<StoredFile> csv = files.store(rows.chunks(DemoRows.Encoding.CSV));
        Mono<String> table = tables.create(p.template().fields())
                .flatMap(t -> tables.copyCsv(t, p.template().fields(), rows.chunks(DemoRows.Encoding.CSV).map(Unpooled::wrappedBuffer))
                        .then(tables.index(t, p.template().indexed())).thenReturn(t));
        Mono<StoredFile> json = p.json() ? files.store(rows.chunks(DemoRows.Encoding.JSON)) : Mono.empty();
        Mono<StoredFile> geo = p.template().geo() ? files.store(rows.chunks(DemoRows.Encoding.GEOJSON)) : Mono.empty();
        Mono<StoredFile> xlsx = p.xlsx()
                ? Mono.fromCallable(rows::xlsx).subscribeOn(Schedulers.boundedElastic()).flatMap(b -> files.store(Flux.just(b)))
                : Mono.empty();
        Mono<Long> department = departments.byCode(p.departmentCode()).map(d -> d.id())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No department " + p.departmentCode())));
        return Mono.zip(coverage, csv, table, department)
                .flatMap(t -> Mono.zip(json.map(List::of).defaultIfEmpty(List.of()), geo.map(List::of).defaultIfEmpty(List.of()),
                                xlsx.map(List::of).defaultIfEmpty(List.of()))
                        .flatMap(extra -> record(p, t.getT1(), t.getT2(), t.getT3(), t.getT4(),
                                first(extra.getT1()), first(extra.getT2()), first(extra.getT3()))))
                .thenReturn(p.scope().rows());
    }

    private Mono<Void> record(DemoPlan.Planned p, LocalDate[] coverage, StoredFile csv, String table, long departmentId,
            StoredFile json, StoredFile geo, StoredFile xlsx) {
        Template t = p.template();
        NewDataset dataset = new NewDataset(p.name(), p.title(), t.description() + describe(p), t.theme(), departmentId,
                keywords(p), p.licence(), t.frequency(), coverage.length == 0 ? null : coverage[0],
                coverage.length == 0 ? null : coverage[1], p.scope().cityWide() ? "青岛市" : "青岛市" + p.scope().district(),
                new Dataset.Contact("数据开放联络员", p.departmentCode().toLowerCase(java.util.Locale.ROOT) + "@data.onestop.example.cn",
                        "0532-12345"), p.createdAt(), p.updatedAt());
        Mono<Void> work = writer.insert(dataset).flatMap(id -> {
            List<Mono<Long>> resources = new ArrayList<>();
            int[] position = {0};
            Mono<Long> csvId = writer.insert(new NewResource(id, position[0]++, p.title() + "（CSV）",
                    "全部数据，UTF-8 编码，首行为字段名。", ResourceFormat.CSV, csv, null, table, t.fields(), p.scope().rows(), p.updatedAt()));
            if (json != null) {
                resources.add(writer.insert(new NewResource(id, position[0]++, p.title() + "（JSON）", "全部数据，对象数组。",
                        ResourceFormat.JSON, json, null, null, null, null, p.updatedAt())));
            }
            if (xlsx != null) {
                resources.add(writer.insert(new NewResource(id, position[0]++, p.title() + "（XLSX）", "全部数据，Excel 工作簿。",
                        ResourceFormat.XLSX, xlsx, null, null, null, null, p.updatedAt())));
            }
            if (geo != null) {
                resources.add(writer.insert(new NewResource(id, position[0]++, p.title() + "（GeoJSON）",
                        "点位数据，WGS 84 坐标。", ResourceFormat.GEOJSON, geo, null, null, null, null, p.updatedAt())));
            }
            Mono<Void> api = p.api()
                    ? csvId.flatMap(cid -> writer.insert(new NewResource(id, 9, "数据查询接口（datastore_search）",
                            "按条件查询、排序和分页，返回 JSON。", ResourceFormat.API, null,
                            "/api/3/action/datastore_search?resource_id=" + cid, null, null, null, p.updatedAt())).then())
                    : csvId.then();
            return api.then(Flux.concat(resources).then())
                    .then(writer.recordUpdate(id, p.createdAt(), "首次发布数据集", null))
                    .then(writer.recordUpdate(id, p.updatedAt(), "更新数据，共 " + p.scope().rows() + " 条记录", null));
        });
        return tx.transactional(work);
    }

    private static String describe(DemoPlan.Planned p) {
        return "覆盖范围：" + (p.scope().cityWide() ? "全市" : p.scope().district()) + "。数据为演示用途生成，共 "
                + p.scope().rows() + " 条记录。";
    }

    private static List<String> keywords(DemoPlan.Planned p) {
        List<String> out = new ArrayList<>(p.template().keywords());
        if (!p.scope().cityWide()) {
            out.add(p.scope().district());
        }
        return out;
    }

    private static StoredFile first(List<StoredFile> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
