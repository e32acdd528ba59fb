package org.onestop.mailbox.open311;

import java.util.List;
import java.util.Locale;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * GeoReport v2. Each resource answers as JSON or XML by its extension; errors take the spec's
 * form in the same format, with its status codes (400, 403 for the api_key, 404). The handler
 * here runs before the portal's problem+json advice, because Open311 clients expect the spec's form.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final MediaType XML = MediaType.parseMediaType("text/xml;charset=utf-8");

    private final ServiceCatalogue catalogue;
    private final Open311Requests requests;

    Open311Controller(ServiceCatalogue catalogue, Open311Requests requests) {
        this.catalogue = catalogue;
        this.requests = requests;
    }

    @GetMapping("/services.{format:json|xml}")
    Mono<ResponseEntity<Object>> services(@PathVariable String format, ServerWebExchange exchange) {
        return catalogue.services(locale(exchange)).map(list -> answer(format, HttpStatus.OK, list, "services", "service"));
    }

    @GetMapping("/services/{serviceCode}.{format:json|xml}")
    Mono<ResponseEntity<Object>> definition(@PathVariable String serviceCode, @PathVariable String format) {
        return catalogue.resolve(serviceCode)
                .switchIfEmpty(Mono.error(() -> Open311Exception.notFound("service_code was not found")))
                .map(service -> {
                    Open311Views.Definition definition = catalogue.definition(service);
                    return "xml".equals(format) ? xml(HttpStatus.OK, Open311Xml.single("service_definition", definition))
                            : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) definition);
                });
    }

    @GetMapping("/requests.{format:json|xml}")
    Mono<ResponseEntity<Object>> search(@PathVariable String format, ServerWebExchange exchange) {
        return requests.search(exchange.getRequest().getQueryParams(), locale(exchange))
                .map(list -> answer(format, HttpStatus.OK, list, "service_requests", "request"));
    }

    /** The spec sends the request form-encoded; the api_key may also come in the query string. */
    @PostMapping("/requests.{format:json|xml}")
    Mono<ResponseEntity<Object>> post(@PathVariable String format, ServerWebExchange exchange) {
        // A body that is not form encoding (a stray %) or is too large to buffer is the caller's error.
        return exchange.getFormData()
                .onErrorMap(IllegalArgumentException.class,
                        e -> Open311Exception.badRequest("The body is not valid application/x-www-form-urlencoded"))
                .onErrorMap(DataBufferLimitException.class,
                        e -> new Open311Exception(HttpStatus.CONTENT_TOO_LARGE, "The body is too large"))
                .flatMap(form -> {
                    var all = new org.springframework.util.LinkedMultiValueMap<>(form);
                    String queryKey = exchange.getRequest().getQueryParams().getFirst("api_key");
                    if (all.getFirst("api_key") == null && queryKey != null) {
                        all.add("api_key", queryKey);
                    }
                    return requests.post(all, locale(exchange));
                }).map(posted -> answer(format, HttpStatus.CREATED, List.of(posted), "service_requests", "request"));
    }

    @GetMapping("/requests/{id}.{format:json|xml}")
    Mono<ResponseEntity<Object>> one(@PathVariable String id, @PathVariable String format, ServerWebExchange exchange) {
        return requests.one(id, locale(exchange)).map(list -> answer(format, HttpStatus.OK, list, "service_requests", "request"));
    }

    @GetMapping("/tokens/{token}.{format:json|xml}")
    Mono<ResponseEntity<Object>> token(@PathVariable String token, @PathVariable String format) {
        return requests.token(token).map(list -> answer(format, HttpStatus.OK, list, "service_requests", "request"));
    }

    @ExceptionHandler
    ResponseEntity<Object> refused(Open311Exception e, ServerWebExchange exchange) {
        String format = exchange.getRequest().getPath().value().endsWith(".xml") ? "xml" : "json";
        return answer(format, e.status(), List.of(new Open311Views.Error(e.status().value(), e.getMessage())), "errors", "error");
    }

    private static ResponseEntity<Object> answer(String format, HttpStatus status, List<?> items, String root, String item) {
        if ("xml".equals(format)) {
            return xml(status, Open311Xml.list(root, item, items));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(items);
    }

    private static ResponseEntity<Object> xml(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(XML).body(body);
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? Locale.CHINESE : locale;
    }
}
