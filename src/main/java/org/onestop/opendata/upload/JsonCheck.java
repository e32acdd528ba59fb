package org.onestop.opendata.upload;

import java.io.InputStream;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a JSON or GeoJSON file by reading its tokens once, in constant memory: exactly one JSON
 * value, nothing after it. GeoJSON must also be an object whose top-level "type" is a GeoJSON type
 * (RFC 7946), so a department cannot publish an arbitrary JSON file labelled as map data.
 */
final class JsonCheck {

    private static final Set<String> GEOJSON_TYPES = Set.of("FeatureCollection", "Feature", "Point", "MultiPoint", "LineString",
            "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection");

    private JsonCheck() {
    }

    static void check(JsonMapper json, InputStream in, boolean geo) {
        try (JsonParser parser = json.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw TableCheck.problem("opendata_json_empty");
            }
            String geoType = null;
            int depth = 0;
            JsonToken t = first;
            do {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (geo && depth == 1 && first == JsonToken.START_OBJECT && t == JsonToken.PROPERTY_NAME
                        && "type".equals(parser.currentName())) {
                    if (parser.nextToken() != JsonToken.VALUE_STRING) {
                        throw TableCheck.problem("opendata_geojson_type");
                    }
                    geoType = parser.getString();
                }
                t = depth > 0 ? parser.nextToken() : null;
            } while (t != null);
            if (depth != 0) {
                throw TableCheck.problem("opendata_json_invalid", parser.currentLocation().getLineNr());
            }
            if (parser.nextToken() != null) {
                throw TableCheck.problem("opendata_json_trailing", parser.currentLocation().getLineNr());
            }
            if (geo && (geoType == null || !GEOJSON_TYPES.contains(geoType))) {
                throw TableCheck.problem("opendata_geojson_type");
            }
        } catch (JacksonException e) {
            throw TableCheck.problem("opendata_json_invalid", e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
    }
}
