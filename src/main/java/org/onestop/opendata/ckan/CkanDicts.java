package org.onestop.opendata.ckan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onestop.opendata.DataResource;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.ResourceFormat;
import org.onestop.opendata.Theme;

/**
 * Datasets, resources, departments and themes as CKAN dictionaries (package, resource,
 * organization, group), with the keys CKAN clients read. Times are UTC without a zone, as CKAN
 * writes them.
 */
final class CkanDicts {

    private CkanDicts() {
    }

    static String organizationName(Dataset.Publisher p) {
        return p.code().toLowerCase(Locale.ROOT);
    }

    static Map<String, Object> pkg(Dataset d, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(d.id()));
        m.put("name", d.name());
        m.put("title", d.title());
        m.put("notes", d.description());
        m.put("type", "dataset");
        m.put("state", "active");
        m.put("private", false);
        m.put("isopen", true);
        m.put("license_id", d.licence().code());
        m.put("license_title", d.licence().titleEn());
        m.put("license_url", d.licence().url());
        m.put("author", d.publisher().nameZh());
        m.put("author_email", null);
        m.put("maintainer", d.contact().name());
        m.put("maintainer_email", d.contact().email());
        m.put("url", base + "/opendata/dataset.html?name=" + d.name());
        m.put("version", null);
        m.put("metadata_created", time(d.createdAt()));
        m.put("metadata_modified", time(d.updatedAt()));
        m.put("owner_org", String.valueOf(d.publisher().id()));
        m.put("organization", organization(d.publisher(), -1));
        m.put("groups", List.of(group(d.theme(), -1)));
        List<Map<String, Object>> tags = new ArrayList<>();
        d.keywords().forEach(k -> tags.add(Map.of("name", k, "display_name", k, "state", "active")));
        m.put("tags", tags);
        m.put("num_tags", tags.size());
        m.put("resources", d.resources().stream().map(r -> resource(r, base)).toList());
        m.put("num_resources", d.resources().size());
        List<Map<String, Object>> extras = new ArrayList<>();
        extras.add(Map.of("key", "frequency", "value", d.frequency().code()));
        extras.add(Map.of("key", "spatial_text", "value", d.spatial()));
        if (d.temporalStart() != null) {
            extras.add(Map.of("key", "temporal_start", "value", d.temporalStart().toString()));
        }
        if (d.temporalEnd() != null) {
            extras.add(Map.of("key", "temporal_end", "value", d.temporalEnd().toString()));
        }
        extras.add(Map.of("key", "downloads", "value", String.valueOf(d.downloads())));
        m.put("extras", extras);
        return m;
    }

    static Map<String, Object> resource(DataResource r, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(r.id()));
        m.put("package_id", String.valueOf(r.datasetId()));
        m.put("name", r.name());
        m.put("description", r.description());
        m.put("format", r.format() == ResourceFormat.GEOJSON ? "GeoJSON" : r.format().name());
        m.put("url", r.isFile() ? base + "/api/opendata/resources/" + r.id() + "/download"
                : r.apiUrl().startsWith("/") ? base + r.apiUrl() : r.apiUrl());
        m.put("mimetype", r.format().mediaType() == null ? null : r.format().mediaType().split(";")[0]);
        m.put("size", r.byteSize());
        m.put("hash", r.digest() == null ? "" : "sha256:" + r.digest());
        m.put("position", r.position());
        m.put("state", "active");
        m.put("url_type", null);
        m.put("datastore_active", r.inDatastore());
        m.put("created", time(r.createdAt()));
        m.put("last_modified", time(r.updatedAt()));
        return m;
    }

    /** An organization; {@code count} below 0 leaves out package_count (as inside a package). */
    static Map<String, Object> organization(Dataset.Publisher p, long count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(p.id()));
        m.put("name", organizationName(p));
        m.put("title", p.nameZh());
        m.put("display_name", p.nameZh());
        m.put("description", p.nameEn());
        m.put("type", "organization");
        m.put("state", "active");
        m.put("is_organization", true);
        m.put("approval_status", "approved");
        m.put("image_url", "");
        if (count >= 0) {
            m.put("package_count", count);
        }
        return m;
    }

    static Map<String, Object> group(Theme t, long count) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.code());
        m.put("name", t.code());
        m.put("title", t.nameZh());
        m.put("display_name", t.nameZh());
        m.put("description", t.nameEn());
        m.put("type", "group");
        m.put("state", "active");
        m.put("is_organization", false);
        m.put("image_display_url", "");
        if (count >= 0) {
            m.put("package_count", count);
        }
        return m;
    }

    static String time(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }
}
