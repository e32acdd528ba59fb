package org.onestop.application;

import java.nio.charset.StandardCharsets;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.platform.storage.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The applicant's endpoints, and the reads both applicants and officials use. */
@RestController
class ApplicationController {

    private final Applications applications;
    private final MaterialUploads uploads;
    private final ApplicationAccess access;
    private final ApplicationDetails details;
    private final Receipts receipts;

    ApplicationController(Applications applications, MaterialUploads uploads, ApplicationAccess access,
            ApplicationDetails details, Receipts receipts) {
        this.applications = applications;
        this.uploads = uploads;
        this.access = access;
        this.details = details;
        this.receipts = receipts;
    }

    @PostMapping("/api/applications")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApplicationViews.Detail> create(@RequestBody ApplicationViews.NewRequest body) {
        return PortalUser.required().flatMap(u -> applications.create(body, u));
    }

    @GetMapping("/api/applications/mine")
    Mono<PageResponse<ApplicationViews.Summary>> mine(@RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return PortalUser.required().flatMap(u -> applications.mine(u, status, PageQuery.of(page, size)));
    }

    @GetMapping("/api/applications/{id}")
    Mono<ApplicationViews.Detail> detail(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> access.view(id, u)).flatMap(details::detail);
    }

    @PutMapping("/api/applications/{id}/data")
    Mono<ApplicationViews.Detail> save(@PathVariable long id, @RequestBody ApplicationViews.DataRequest body) {
        return PortalUser.required().flatMap(u -> applications.saveData(id, body, u));
    }

    @PostMapping("/api/applications/{id}/submit")
    Mono<ApplicationViews.Detail> submit(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> applications.submit(id, u, false));
    }

    @PostMapping("/api/applications/{id}/resubmit")
    Mono<ApplicationViews.Detail> resubmit(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> applications.submit(id, u, true));
    }

    @DeleteMapping("/api/applications/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> applications.delete(id, u));
    }

    @PostMapping(path = "/api/applications/{id}/materials/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApplicationViews.MaterialView> upload(@PathVariable long id, @PathVariable String code,
            @RequestBody Flux<PartEvent> parts) {
        return PortalUser.required().flatMap(u -> uploads.upload(id, code, parts, u));
    }

    @DeleteMapping("/api/applications/{id}/materials/{materialId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> deleteMaterial(@PathVariable long id, @PathVariable long materialId) {
        return PortalUser.required().flatMap(u -> uploads.delete(id, materialId, u));
    }

    @GetMapping("/api/applications/{id}/materials/{materialId}")
    Mono<ResponseEntity<Resource>> material(@PathVariable long id, @PathVariable long materialId) {
        return PortalUser.required().flatMap(u -> uploads.download(id, materialId, u)).map(d -> Downloads.attachment(
                d.material().fileName(), d.material().contentType(), d.material().size(), d.file()));
    }

    @GetMapping("/api/applications/{id}/receipt")
    Mono<ApplicationViews.Receipt> receipt(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> receipts.receipt(id, u));
    }

    @GetMapping("/api/applications/{id}/result")
    Mono<ResponseEntity<byte[]>> result(@PathVariable long id) {
        return PortalUser.required().flatMap(u -> receipts.result(id, u)).map(r -> {
            byte[] html = r.html().getBytes(StandardCharsets.UTF_8);
            return Downloads.attachment(r.fileName(), new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), html.length, html);
        });
    }
}
