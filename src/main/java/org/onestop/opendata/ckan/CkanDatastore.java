package org.onestop.opendata.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.opendata.DataResource;
import org.onestop.opendata.DatasetStore;
import org.onestop.opendata.datastore.Datastore;
import org.onestop.opendata.datastore.DatastoreInvalid;
import org.onestop.opendata.datastore.DatastoreRequest;
import org.onestop.opendata.datastore.DatastoreWriters;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * datastore_search: CKAN's parameters read into a datastore request, refusals turned into CKAN
 * validation errors (one message list per parameter), and the result streamed inside the
 * envelope with _links.start and _links.next as CKAN builds them.
 */
@Component
class CkanDatastore {

    private final DatasetStore store;
    private final Datastore datastore;
    private final JsonMapper json;

    CkanDatastore(DatasetStore store, Datastore datastore, JsonMapper json) {
        this.store = store;
        this.datastore = datastore;
        this.json = json;
    }

    Mono<Flux<DataBuffer>> search(CkanParams p, CkanParams.Parse parse, String help, String path) {
        String resourceId = p.required("resource_id");
        String format = p.string("records_format");
        if (format != null && !format.equals("objects")) {
            throw CkanError.validation("records_format", "Only \"objects\" is offered here; use /api/opendata/datastore/{id}?format=csv for CSV");
        }
        Map<String, Object> filters = filters(p, parse);
        List<String> fields = p.list("fields", parse);
        DatastoreRequest request = new DatastoreRequest(filters, p.string("q"), fields, sortOf(p, parse), p.string("limit"),
                p.string("offset"), p.bool("include_total", true));
        Mono<DataResource> resource = resourceId.matches("[0-9]{1,18}")
                ? store.resource(Long.parseLong(resourceId)).filter(DataResource::inDatastore) : Mono.empty();
        return resource
                .switchIfEmpty(Mono.error(() -> CkanError.notFound("Resource \"" + resourceId + "\" was not found.")))
                .flatMap(r -> datastore.search(r.datastoreTable(), r.fields(), request))
                .onErrorMap(DatastoreInvalid.class, CkanDatastore::validation)
                .map(result -> DatastoreWriters.json(json, result, Map.of("include_total", request.includeTotal(),
                                "resource_id", resourceId),
                        "{\"help\":" + json.writeValueAsString(help) + ",\"success\":true,\"result\":", "}",
                        link(path, p, null), next -> link(path, p, next)));
    }

    private static Map<String, Object> filters(CkanParams p, CkanParams.Parse parse) {
        Object raw = p.values().get("filters");
        if (raw == null) {
            return Map.of();
        }
        Object parsed = raw instanceof String s ? parse.json("filters", s) : raw;
        if (!(parsed instanceof Map<?, ?> map)) {
            throw CkanError.validation("filters", "Not a json object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** sort as a string ("a desc, b") or, as some clients send it, a list of such keys. */
    private static String sortOf(CkanParams p, CkanParams.Parse parse) {
        Object raw = p.values().get("sort");
        if (raw instanceof List<?>) {
            return String.join(",", p.list("sort", parse));
        }
        return p.string("sort");
    }

    private static CkanError validation(DatastoreInvalid e) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        e.issues().forEach(i -> fields.computeIfAbsent(i.param(), k -> new java.util.ArrayList<>()).add(i.message()));
        return CkanError.validation(fields);
    }

    /** A GET link repeating the call's parameters (structures as JSON) with another offset. */
    private String link(String path, CkanParams p, Long offset) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        p.values().forEach((k, v) -> {
            if (!k.equals("offset") && v != null) {
                b.queryParam(k, v instanceof String s ? s : json.writeValueAsString(v));
            }
        });
        if (offset != null) {
            b.queryParam("offset", offset);
        }
        // Built without template expansion, then encoded: filter values hold braces.
        return b.build().encode().toUriString();
    }
}
