package org.onestop.opendata.dcat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.onestop.opendata.Dataset;
import org.onestop.opendata.DatasetStore;
import org.onestop.web.PageQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * /catalog.ttl and /catalog.jsonld: the DCAT-AP catalogue, 50 datasets a page by default, with
 * hydra paging in the document and a Link header, so harvesters can follow either.
 */
@RestController
class DcatController {

    static final MediaType TURTLE = new MediaType("text", "turtle", StandardCharsets.UTF_8);
    static final MediaType JSON_LD = new MediaType("application", "ld+json");
    private static final int PAGE = 50;

    private final DatasetStore store;
    private final DcatExport export;

    DcatController(DatasetStore store, DcatExport export) {
        this.store = store;
        this.export = export;
    }

    @GetMapping("/catalog.ttl")
    Mono<ResponseEntity<String>> turtle(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            ServerWebExchange exchange) {
        return catalogue(page, size, "catalog.ttl", DcatExport.Format.TURTLE, TURTLE, exchange);
    }

    @GetMapping("/catalog.jsonld")
    Mono<ResponseEntity<String>> jsonLd(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            ServerWebExchange exchange) {
        return catalogue(page, size, "catalog.jsonld", DcatExport.Format.JSON_LD, JSON_LD, exchange);
    }

    private Mono<ResponseEntity<String>> catalogue(Integer page, Integer size, String file, DcatExport.Format format, MediaType type,
            ServerWebExchange exchange) {
        PageQuery query = PageQuery.of(page, size == null ? PAGE : size);
        var uri = exchange.getRequest().getURI();
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + "/";
        return store.all().flatMap(all -> {
            long total = all.size();
            int last = (int) Math.max(0, (total + query.size() - 1) / query.size() - 1);
            String path = base + file + "?size=" + query.size() + "&page=";
            DcatExport.PageLinks links = new DcatExport.PageLinks(path + query.page(), path + 0, path + last,
                    query.page() > 0 ? path + Math.min(query.page() - 1, last) : null,
                    query.page() < last ? path + (query.page() + 1) : null, total);
            List<Dataset> pageOf = all.stream().skip(query.offset()).limit(query.size()).toList();
            Instant modified = all.stream().map(Dataset::updatedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            // Harvesters poll the catalogue: an unchanged page answers 304 before any RDF is built.
            String etag = etag(base, file, query, total, pageOf);
            if (exchange.checkNotModified(etag)) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).<String>build());
            }
            // Building and writing RDF is CPU work of tens of milliseconds: keep it off the event loop.
            return Mono.fromCallable(() -> DcatExport.write(export.catalogue(base, pageOf, links, modified), format))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(body -> ResponseEntity.ok().contentType(type).eTag(etag).cacheControl(CacheControl.noCache())
                            .header(HttpHeaders.LINK, linkHeader(links)).body(body));
        });
    }

    /**
     * A strong validator of one page: the SHA-256 of everything the page is made from (the datasets
     * as published, the total, the page and its address), so any edit, upload or new dataset changes it.
     */
    static String etag(String base, String file, PageQuery query, long total, List<Dataset> page) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((base + file + "|" + query.page() + "|" + query.size() + "|" + total).getBytes(StandardCharsets.UTF_8));
            for (Dataset d : page) {
                sha.update(d.published().toString().getBytes(StandardCharsets.UTF_8));
            }
            return "\"" + HexFormat.of().formatHex(sha.digest()) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkHeader(DcatExport.PageLinks links) {
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
}
