package org.onestop.opendata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.onestop.opendata.keys.ApiAccess;
import org.onestop.platform.storage.FileStore;
import org.onestop.web.ProblemException;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resource downloads, streamed from storage (zero-copy for whole files and single ranges).
 * Spring answers Range requests with 206 and exactly those bytes, and If-None-Match /
 * If-Modified-Since with 304, from the ETag (the file's SHA-256) and Last-Modified given here.
 */
@RestController
class ResourceDownloads {

    private final DatasetStore store;
    private final FileStore files;
    private final DownloadCounter counter;
    private final ApiAccess access;

    ResourceDownloads(DatasetStore store, FileStore files, DownloadCounter counter, ApiAccess access) {
        this.store = store;
        this.files = files;
        this.counter = counter;
        this.access = access;
    }

    @GetMapping("/api/opendata/resources/{id}/download")
    Mono<ResponseEntity<Resource>> download(@PathVariable long id, ServerWebExchange exchange) {
        return access.admitDownload(exchange)
                .then(store.resource(id))
                .filter(DataResource::isFile)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("resource", id)))
                .flatMap(r -> files.resource(r.storageKey())
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("resource", id)))
                        .flatMap(file -> {
                            String etag = "\"" + r.digest() + "\"";
                            if (exchange.checkNotModified(etag, r.updatedAt())) {
                                // 304 has been set; a revalidation is not a new download.
                                return Mono.empty();
                            }
                            if (exchange.getRequest().getMethod() == HttpMethod.GET && startsAtZero(exchange, r.byteSize())) {
                                counter.count(r);
                            }
                            return Mono.just(ResponseEntity.ok()
                                    .eTag(etag)
                                    .lastModified(r.updatedAt())
                                    .cacheControl(CacheControl.noCache())
                                    .contentType(MediaType.parseMediaType(r.format().mediaType()))
                                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                            .filename(r.name() + "." + r.format().extension(), StandardCharsets.UTF_8)
                                            .build().toString())
                                    // The file is sent as stored: compressing would break byte ranges.
                                    .header(HttpHeaders.CONTENT_ENCODING, "identity")
                                    .body(file));
                        }));
    }

    /** Later parts of a resumed download (ranges not starting at 0), and HEAD requests, are not new downloads. */
    private static boolean startsAtZero(ServerWebExchange exchange, long length) {
        try {
            List<HttpRange> ranges = exchange.getRequest().getHeaders().getRange();
            return ranges.isEmpty() || ranges.get(0).getRangeStart(length) == 0;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
