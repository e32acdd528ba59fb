package org.onestop.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A published dataset with its resources, as stored. */
public record Dataset(long id, String name, String title, String description, Theme theme, Publisher publisher,
        List<String> keywords, Licence licence, Frequency frequency, LocalDate temporalStart, LocalDate temporalEnd,
        String spatial, Contact contact, Instant createdAt, Instant updatedAt, long downloads, List<DataResource> resources) {

    /** The publishing department. */
    public record Publisher(long id, String code, String nameZh, String nameEn) {
    }

    public record Contact(String name, String email, String phone) {
    }

    /**
     * The dataset as published, without its download counts (which move with every download):
     * two equal values describe the same published metadata and files.
     */
    public Dataset published() {
        return new Dataset(id, name, title, description, theme, publisher, keywords, licence, frequency, temporalStart,
                temporalEnd, spatial, contact, createdAt, updatedAt, 0, resources.stream().map(r -> new DataResource(r.id(),
                        r.datasetId(), r.position(), r.name(), r.description(), r.format(), r.storageKey(), r.byteSize(), r.digest(),
                        r.apiUrl(), r.datastoreTable(), r.fields(), r.rowCount(), r.createdAt(), r.updatedAt(), 0)).toList());
    }

    public Dataset withResources(List<DataResource> list) {
        return new Dataset(id, name, title, description, theme, publisher, keywords, licence, frequency, temporalStart,
                temporalEnd, spatial, contact, createdAt, updatedAt, downloads, List.copyOf(list));
    }
}
