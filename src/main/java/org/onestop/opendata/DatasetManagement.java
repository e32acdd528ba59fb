package org.onestop.opendata;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Departments publish and keep up their own datasets: officials of the publishing department (or
 * admins) publish, edit metadata and record data updates; every change adds to the dataset's
 * history and the audit trail in one transaction. Another department's dataset answers 404.
 */
@Service
class DatasetManagement {

    private final DatasetStore store;
    private final DatasetWriter writer;
    private final DatabaseClient db;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final DatasetOwners owners;

    DatasetManagement(DatasetStore store, DatasetWriter writer, DatabaseClient db, AuditTrail audit, TransactionalOperator tx,
            Clock clock, DatasetOwners owners) {
        this.owners = owners;
        this.store = store;
        this.writer = writer;
        this.db = db;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Metadata as an official writes it; checked by {@link #check}. The temporal coverage is optional. */
    record Metadata(String name, String title, String description, String theme, List<String> keywords, String licence,
            String frequency, String spatial, String contactName, String contactEmail, String contactPhone, LocalDate temporalStart,
            LocalDate temporalEnd) {
    }

    Mono<List<Dataset>> mine(PortalUser official) {
        long department = DatasetOwners.department(official);
        return store.all().map(all -> all.stream().filter(d -> d.publisher().id() == department).toList());
    }

    Mono<Dataset> publish(PortalUser official, Metadata m) {
        long department = DatasetOwners.department(official);
        check(m, true);
        var now = clock.instant();
        return tx.transactional(writer.insert(new DatasetWriter.NewDataset(m.name(), m.title().strip(), m.description().strip(),
                                Theme.fromCode(m.theme()), department, keywords(m), Licence.fromCode(m.licence()),
                                Frequency.fromCode(m.frequency()), m.temporalStart(), m.temporalEnd(), m.spatial().strip(),
                                new Dataset.Contact(m.contactName().strip(), m.contactEmail().strip(), m.contactPhone()), now, now))
                        .flatMap(id -> writer.recordUpdate(id, now, "发布数据集", official.id())
                                .then(audit.record(official.id(), "opendata.dataset.publish", "opendata_dataset", id, Map.of("name", m.name())))
                                .thenReturn(id)))
                .onErrorMap(DuplicateKeyException.class, e -> ProblemException.conflict("name", "opendata_name_taken"))
                .flatMap(store::byId);
    }

    Mono<Dataset> edit(PortalUser official, String name, Metadata m) {
        check(m, false);
        return owners.owned(official, name).flatMap(d -> tx.transactional(withOptional(db.sql("""
                        UPDATE opendata_dataset SET title = :title, description = :description, theme = :theme, keywords = :keywords,
                            licence = :licence, update_frequency = :frequency, spatial = :spatial, contact_name = :contactName,
                            contact_email = :contactEmail, contact_phone = :contactPhone, temporal_start = :temporalStart,
                            temporal_end = :temporalEnd WHERE id = :id""")
                .bind("title", m.title().strip()).bind("description", m.description().strip()).bind("theme", m.theme())
                .bind("keywords", keywords(m).toArray(String[]::new)).bind("licence", m.licence()).bind("frequency", m.frequency())
                .bind("spatial", m.spatial().strip()).bind("contactName", m.contactName().strip())
                .bind("contactEmail", m.contactEmail().strip()).bind("id", d.id()), m).then()
                .then(writer.recordUpdate(d.id(), clock.instant(), "修改数据集说明", official.id()))
                .then(audit.record(official.id(), "opendata.dataset.edit", "opendata_dataset", d.id(), Map.of("name", name))))
                .then(store.byId(d.id())));
    }

    /** Records that the department has refreshed the data: the dataset is on time again. */
    Mono<Dataset> recordUpdate(PortalUser official, String name, String summary) {
        if (summary == null || summary.isBlank() || summary.length() > 500) {
            return Mono.error(ProblemException.invalid("summary", "opendata_summary"));
        }
        var now = clock.instant();
        return owners.owned(official, name).flatMap(d -> tx.transactional(
                        writer.touch(d.id(), now)
                                .then(writer.recordUpdate(d.id(), now, summary.strip(), official.id()))
                                .then(audit.record(official.id(), "opendata.dataset.update", "opendata_dataset", d.id(),
                                        Map.of("summary", summary.strip()))))
                .then(store.byId(d.id())));
    }

    private static void check(Metadata m, boolean creating) {
        List<FieldProblem> p = new ArrayList<>();
        if (creating && (m.name() == null || !m.name().matches("[a-z0-9][a-z0-9_-]{1,99}"))) {
            p.add(FieldProblem.of("name", "opendata_dataset_name"));
        }
        if (m.title() == null || m.title().isBlank() || m.title().length() > 200) {
            p.add(FieldProblem.of("title", "opendata_title"));
        }
        if (m.description() == null || m.description().strip().length() < 10 || m.description().length() > 5000) {
            p.add(FieldProblem.of("description", "opendata_description"));
        }
        if (Theme.fromCode(m.theme()) == null) {
            p.add(FieldProblem.of("theme", "opendata_unknown_theme"));
        }
        if (Licence.fromCode(m.licence()) == null) {
            p.add(FieldProblem.of("licence", "opendata_unknown_licence"));
        }
        if (Frequency.fromCode(m.frequency()) == null) {
            p.add(FieldProblem.of("frequency", "opendata_frequency"));
        }
        if (m.keywords() != null && (m.keywords().size() > 10 || m.keywords().stream().anyMatch(k -> k == null || k.isBlank() || k.length() > 30))) {
            p.add(FieldProblem.of("keywords", "opendata_keywords"));
        }
        if (m.spatial() == null || m.spatial().isBlank() || m.spatial().length() > 200) {
            p.add(FieldProblem.of("spatial", "opendata_spatial"));
        }
        if (m.contactName() == null || m.contactName().isBlank() || m.contactName().length() > 100) {
            p.add(FieldProblem.of("contactName", "opendata_contact"));
        }
        if (m.contactEmail() == null || !m.contactEmail().matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[a-z]{2,}")) {
            p.add(FieldProblem.of("contactEmail", "opendata_email"));
        }
        if (m.contactPhone() != null && m.contactPhone().length() > 40) {
            p.add(FieldProblem.of("contactPhone", "opendata_phone"));
        }
        if (m.temporalStart() != null && m.temporalEnd() != null && m.temporalEnd().isBefore(m.temporalStart())) {
            p.add(FieldProblem.of("temporalEnd", "opendata_temporal"));
        }
        if (!p.isEmpty()) {
            throw ProblemException.invalid(p);
        }
    }

    /** Binds the optional fields: a blank phone or an absent date clears it. */
    private static DatabaseClient.GenericExecuteSpec withOptional(DatabaseClient.GenericExecuteSpec spec, Metadata m) {
        spec = m.contactPhone() == null || m.contactPhone().isBlank() ? spec.bindNull("contactPhone", String.class)
                : spec.bind("contactPhone", m.contactPhone().strip());
        spec = m.temporalStart() == null ? spec.bindNull("temporalStart", LocalDate.class) : spec.bind("temporalStart", m.temporalStart());
        return m.temporalEnd() == null ? spec.bindNull("temporalEnd", LocalDate.class) : spec.bind("temporalEnd", m.temporalEnd());
    }

    private static List<String> keywords(Metadata m) {
        return m.keywords() == null ? List.of() : m.keywords().stream().map(String::strip).distinct().toList();
    }
}
