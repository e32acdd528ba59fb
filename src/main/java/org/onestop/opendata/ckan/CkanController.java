package org.onestop.opendata.ckan;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onestop.opendata.keys.ApiAccess;
import org.onestop.web.ProblemException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * /api/3/action/{action} for GET (parameters in the query string) and POST (a JSON object body).
 * Every answer is CKAN's envelope: {@code {help, success: true, result}} or
 * {@code {help, success: false, error: {__type, message | field: [messages]}}} with CKAN's status.
 */
@RestController
class CkanController {

    private final CkanActions actions;
    private final CkanDatastore datastore;
    private final ApiAccess access;
    private final JsonMapper json;

    CkanController(CkanActions actions, CkanDatastore datastore, ApiAccess access, JsonMapper json) {
        this.actions = actions;
        this.datastore = datastore;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/api/3/action/{action}")
    Mono<ResponseEntity<Flux<DataBuffer>>> get(@PathVariable String action, @RequestParam MultiValueMap<String, String> query,
            ServerWebExchange exchange) {
        Map<String, Object> values = new LinkedHashMap<>();
        query.forEach((k, v) -> values.put(k, v.isEmpty() ? null : v.get(v.size() - 1)));
        return run(action, new CkanParams(values), exchange);
    }

    @PostMapping("/api/3/action/{action}")
    Mono<ResponseEntity<Flux<DataBuffer>>> post(@PathVariable String action, @RequestBody(required = false) String body,
            ServerWebExchange exchange) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (body != null && !body.isBlank()) {
            try {
                Object parsed = json.readValue(body, Object.class);
                if (!(parsed instanceof Map<?, ?> map)) {
                    return Mono.just(error(action, exchange, CkanError.badRequest("JSON Error: the body must be a JSON object")));
                }
                map.forEach((k, v) -> values.put(String.valueOf(k), v));
            } catch (JacksonException e) {
                return Mono.just(error(action, exchange, CkanError.badRequest("JSON Error: the body is not valid JSON")));
            }
        }
        return run(action, new CkanParams(values), exchange);
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> run(String action, CkanParams params, ServerWebExchange exchange) {
        String base = base(exchange);
        String help = base + "/api/3/action/help_show?name=" + action;
        CkanParams.Parse parse = this::parseJson;
        Mono<ResponseEntity<Flux<DataBuffer>>> answer = Mono.defer(() -> switch (action) {
            case "package_list" -> envelope(help, actions.packageList(params));
            case "package_show" -> envelope(help, actions.packageShow(params, base));
            case "package_search" -> envelope(help, actions.packageSearch(params, base, parse));
            case "organization_list" -> envelope(help, actions.organizationList(params));
            case "group_list" -> envelope(help, actions.groupList(params));
            case "resource_show" -> envelope(help, actions.resourceShow(params, base));
            case "datastore_search" -> datastore.search(params, parse, help, "/api/3/action/datastore_search")
                    .map(body -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body));
            default -> Mono.error(CkanError.badRequest("Action name not known: " + action));
        });
        return access.admit(exchange).then(answer)
                .onErrorResume(ProblemException.class, e -> Mono.error(switch (e.status()) {
                    case FORBIDDEN -> CkanError.forbidden();
                    case TOO_MANY_REQUESTS -> CkanError.rateLimited(e.retryAfter());
                    default -> e;
                }))
                .onErrorResume(CkanError.class, e -> Mono.just(error(action, exchange, e)));
    }

    private Mono<ResponseEntity<Flux<DataBuffer>>> envelope(String help, Mono<Object> result) {
        return result.map(r -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("help", help);
            body.put("success", true);
            body.put("result", r);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(bytes(body));
        });
    }

    private ResponseEntity<Flux<DataBuffer>> error(String action, ServerWebExchange exchange, CkanError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", base(exchange) + "/api/3/action/help_show?name=" + action);
        body.put("success", false);
        body.put("error", e.error());
        ResponseEntity.BodyBuilder b = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfter() != null) {
            b.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000)));
        }
        return b.body(bytes(body));
    }

    private Flux<DataBuffer> bytes(Object value) {
        return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8)));
    }

    private Object parseJson(String name, String text) {
        try {
            return json.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw CkanError.validation(name, "Could not parse as valid JSON");
        }
    }

    static String base(ServerWebExchange exchange) {
        var uri = exchange.getRequest().getURI();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

}
