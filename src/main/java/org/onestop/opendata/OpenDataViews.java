package org.onestop.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onestop.opendata.datastore.DatastoreField;

/** The JSON shapes of the portal's own open data endpoints. */
final class OpenDataViews {

    private OpenDataViews() {
    }

    record Named(String code, String name) {
    }

    record Department(long id, String code, String name) {
    }

    record Summary(long id, String name, String title, String description, Named theme, Department department,
            List<String> formats, Named licence, List<String> keywords, Instant updatedAt, long downloads) {
    }

    record FacetValue(String value, String label, long count) {
    }

    record SearchResult(List<Summary> items, int page, int size, long total, Map<String, List<FacetValue>> facets) {
    }

    record Field(String id, String type, String label) {
    }

    record ResourceView(long id, String name, String description, String format, Long byteSize, String downloadUrl,
            String apiUrl, boolean datastore, List<Field> fields, Long rows, Instant updatedAt, long downloads) {
    }

    record Detail(long id, String name, String title, String description, Named theme, Department department,
            List<String> keywords, Named licence, String licenceUrl, Named frequency, LocalDate temporalStart,
            LocalDate temporalEnd, String spatial, Dataset.Contact contact, Instant createdAt, Instant updatedAt,
            long downloads, boolean overdue, QualityScore quality, List<ResourceView> resources, List<DatasetUpdate> history) {
    }

    record Preview(long resourceId, List<Field> fields, List<Map<String, Object>> records, long total) {
    }

    static Summary summary(Dataset d, Locale locale) {
        String text = d.description();
        return new Summary(d.id(), d.name(), d.title(), text.length() > 120 ? text.substring(0, 120) + "…" : text,
                theme(d.theme(), locale), department(d.publisher(), locale),
                d.resources().stream().map(r -> r.format().name()).distinct().toList(), licence(d.licence(), locale),
                d.keywords(), d.updatedAt(), d.downloads());
    }

    static Detail detail(Dataset d, Locale locale, boolean overdue, QualityScore quality, List<DatasetUpdate> history) {
        return new Detail(d.id(), d.name(), d.title(), d.description(), theme(d.theme(), locale), department(d.publisher(), locale),
                d.keywords(), licence(d.licence(), locale), d.licence().url(), new Named(d.frequency().code(),
                        en(locale) ? d.frequency().code() : d.frequency().nameZh()),
                d.temporalStart(), d.temporalEnd(), d.spatial(), d.contact(), d.createdAt(), d.updatedAt(), d.downloads(),
                overdue, quality, d.resources().stream().map(OpenDataViews::resource).toList(), history);
    }

    static ResourceView resource(DataResource r) {
        return new ResourceView(r.id(), r.name(), r.description(), r.format().name(), r.byteSize(),
                r.isFile() ? "/api/opendata/resources/" + r.id() + "/download" : null, r.apiUrl(), r.inDatastore(),
                r.inDatastore() ? fields(r.fields()) : List.of(), r.rowCount(), r.updatedAt(), r.downloads());
    }

    static List<Field> fields(List<DatastoreField> fields) {
        return fields.stream().map(f -> new Field(f.id(), f.type().ckan(), f.label())).toList();
    }

    static Named theme(Theme t, Locale locale) {
        return new Named(t.code(), t.name(locale));
    }

    static Named licence(Licence l, Locale locale) {
        return new Named(l.code(), en(locale) ? l.titleEn() : l.titleZh());
    }

    static Department department(Dataset.Publisher p, Locale locale) {
        return new Department(p.id(), p.code(), en(locale) ? p.nameEn() : p.nameZh());
    }

    static boolean en(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
