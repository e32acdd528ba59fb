package org.onestop.opendata;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onestop.opendata.datastore.Datastore;
import org.onestop.opendata.datastore.DatastoreInvalid;
import org.onestop.opendata.datastore.DatastoreRequest;
import org.onestop.opendata.datastore.DatastoreWriters;
import org.onestop.opendata.keys.ApiAccess;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's datastore endpoint (JSON or CSV, streamed) and the dataset page's preview of the
 * first 100 rows. Errors are problem+json; CKAN clients use /api/3/action/datastore_search.
 */
@RestController
class DatastoreController {

    private final DatasetStore store;
    private final Datastore datastore;
    private final JsonMapper json;
    private final ApiAccess access;

    DatastoreController(DatasetStore store, Datastore datastore, JsonMapper json, ApiAccess access) {
        this.store = store;
        this.datastore = datastore;
        this.json = json;
        this.access = access;
    }

    @GetMapping("/api/opendata/datastore/{resourceId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> query(@PathVariable long resourceId, @RequestParam(required = false) String filters,
            @RequestParam(required = false) String q, @RequestParam(required = false) String fields,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset, @RequestParam(required = false) String format,
            ServerWebExchange exchange) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            return Mono.error(ProblemException.invalid("format", "opendata_output_format"));
        }
        DatastoreRequest request = new DatastoreRequest(filters(filters), q, fields == null ? null : Arrays.asList(fields.split(",")),
                sort, limit, offset, !"csv".equals(format));
        return access.admit(exchange).then(resource(resourceId))
                .flatMap(r -> datastore.search(r.datastoreTable(), r.fields(), request)
                        .onErrorMap(DatastoreInvalid.class, DatastoreController::problem)
                        .map(result -> "csv".equals(format)
                                ? ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                                        .body(DatastoreWriters.csv(result))
                                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                                        .body(DatastoreWriters.json(json, result, Map.of("resource_id", r.id()), "", "",
                                                link(exchange, null), next -> link(exchange, next)))));
    }

    @GetMapping("/api/opendata/resources/{resourceId}/preview")
    Mono<OpenDataViews.Preview> preview(@PathVariable long resourceId) {
        return resource(resourceId).flatMap(r -> datastore.search(r.datastoreTable(), r.fields(),
                        new DatastoreRequest(Map.of(), null, null, null, "100", "0", true))
                .flatMap(result -> result.rows().map(row -> {
                    Map<String, Object> record = new LinkedHashMap<>();
                    for (int i = 0; i < row.length; i++) {
                        record.put(result.fields().get(i).id(), row[i] instanceof java.time.LocalDateTime t ? t.toString() : row[i]);
                    }
                    return record;
                }).collectList().map(records -> new OpenDataViews.Preview(r.id(),
                        OpenDataViews.fields(r.fields()), records, result.total()))));
    }

    private Mono<DataResource> resource(long id) {
        return store.resource(id).filter(DataResource::inDatastore)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("resource", id)));
    }

    private Map<String, Object> filters(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = json.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put(String.valueOf(k), v));
                return out;
            }
        } catch (JacksonException e) {
            // Falls through to the same answer as a JSON value that is not an object.
        }
        throw ProblemException.invalid("filters", "opendata_filters_json");
    }

    static ProblemException problem(DatastoreInvalid e) {
        List<FieldProblem> problems = e.issues().stream().map(i -> FieldProblem.of(i.param(), i.code(), i.value())).toList();
        return ProblemException.invalid(problems);
    }

    private static String link(ServerWebExchange exchange, Long offset) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(exchange.getRequest().getPath().value())
                .query(exchange.getRequest().getURI().getRawQuery());
        return (offset == null ? b.replaceQueryParam("offset") : b.replaceQueryParam("offset", offset)).build(true).toUriString();
    }
}
