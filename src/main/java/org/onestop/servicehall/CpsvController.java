package org.onestop.servicehall;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.onestop.account.Departments;
import org.onestop.web.PageQuery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The catalogue in CPSV-AP, as Turtle and JSON-LD. The whole catalogue is paged (100 services a
 * page at most, some 8,000 triples): harvesters follow hydra:next in the document or the Link header.
 */
@RestController
class CpsvController {

    static final MediaType TURTLE = new MediaType("text", "turtle", StandardCharsets.UTF_8);
    static final MediaType JSON_LD = new MediaType("application", "ld+json");
    /** Publisher of the catalogue as a dataset: the office that runs the government service centre. */
    private static final String PUBLISHER = "GOV-SERVICE";

    private final Catalogue catalogue;
    private final Departments departments;
    private final CpsvExport export;
    private final ServiceHallProperties properties;

    CpsvController(Catalogue catalogue, Departments departments, CpsvExport export, ServiceHallProperties properties) {
        this.catalogue = catalogue;
        this.departments = departments;
        this.export = export;
        this.properties = properties;
    }

    @GetMapping("/api/services/{code}/cpsv.ttl")
    Mono<ResponseEntity<String>> serviceTurtle(@PathVariable String code, ServerWebExchange exchange) {
        return service(code, CpsvExport.Format.TURTLE, TURTLE, exchange);
    }

    @GetMapping("/api/services/{code}/cpsv.jsonld")
    Mono<ResponseEntity<String>> serviceJsonLd(@PathVariable String code, ServerWebExchange exchange) {
        return service(code, CpsvExport.Format.JSON_LD, JSON_LD, exchange);
    }

    @GetMapping("/api/services/cpsv.ttl")
    Mono<ResponseEntity<String>> catalogueTurtle(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, ServerWebExchange exchange) {
        return catalogue(page, size, "cpsv.ttl", CpsvExport.Format.TURTLE, TURTLE, exchange);
    }

    @GetMapping("/api/services/cpsv.jsonld")
    Mono<ResponseEntity<String>> catalogueJsonLd(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, ServerWebExchange exchange) {
        return catalogue(page, size, "cpsv.jsonld", CpsvExport.Format.JSON_LD, JSON_LD, exchange);
    }

    private Mono<ResponseEntity<String>> service(String code, CpsvExport.Format format, MediaType type,
            ServerWebExchange exchange) {
        String base = base(exchange);
        return catalogue.guide(code)
                .flatMap(guide -> render(() -> CpsvExport.write(export.service(base, guide), format)))
                .map(body -> ResponseEntity.ok().contentType(type).body(body));
    }

    private Mono<ResponseEntity<String>> catalogue(Integer page, Integer size, String file, CpsvExport.Format format,
            MediaType type, ServerWebExchange exchange) {
        PageQuery query = PageQuery.of(page, size == null ? PageQuery.MAX_SIZE : size);
        String base = base(exchange);
        return Mono.zip(catalogue.guides(query), catalogue.size(), departments.byCode(PUBLISHER)).flatMap(t -> {
            long total = t.getT2();
            int last = (int) Math.max(0, (total + query.size() - 1) / query.size() - 1);
            String path = "api/services/" + file + "?size=" + query.size() + "&page=";
            CpsvExport.PageLinks links = new CpsvExport.PageLinks(base + path + query.page(), base + path + 0,
                    base + path + last, query.page() > 0 ? base + path + Math.min(query.page() - 1, last) : null,
                    query.page() < last ? base + path + (query.page() + 1) : null, total);
            return render(() -> CpsvExport.write(export.catalogue(base, t.getT1(), t.getT3(), links), format))
                    .map(body -> ResponseEntity.ok().contentType(type).header(HttpHeaders.LINK, linkHeader(links))
                            .body(body));
        });
    }

    /** Building and writing a page of RDF is tens of milliseconds of CPU: keep it off the event loop. */
    private static Mono<String> render(java.util.concurrent.Callable<String> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    private static String linkHeader(CpsvExport.PageLinks links) {
        List<String> parts = new ArrayList<>();
        parts.add("<" + links.first() + ">; rel=\"first\"");
        parts.add("<" + links.last() + ">; rel=\"last\"");
        if (links.previous() != null) {
            parts.add("<" + links.previous() + ">; rel=\"prev\"");
        }
        if (links.next() != null) {
            parts.add("<" + links.next() + ">; rel=\"next\"");
        }
        return String.join(", ", parts);
    }

    private String base(ServerWebExchange exchange) {
        URI configured = properties.baseIri();
        return configured != null ? configured.toString() : exchange.getRequest().getURI().resolve("/").toString();
    }
}
