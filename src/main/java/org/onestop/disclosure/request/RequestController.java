package org.onestop.disclosure.request;

import java.util.Arrays;
import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.platform.storage.Downloads;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Disclosure requests (every route needs a sign-in): applicants apply and follow their requests;
 * officials of the addressed department and admins work the queue, extend once and reply.
 */
@RestController("disclosureRequestController")
class RequestController {

    private final Intake intake;
    private final Handling handling;
    private final RequestReads reads;

    RequestController(Intake intake, Handling handling, RequestReads reads) {
        this.intake = intake;
        this.handling = handling;
        this.reads = reads;
    }

    record ExtensionRequest(String reason) {
    }

    @PostMapping("/api/disclosure/requests")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RequestViews.Submitted> apply(@RequestBody ApplyRequest request, @AuthenticationPrincipal PortalUser user) {
        return intake.apply(request, user);
    }

    @GetMapping("/api/disclosure/requests/mine")
    Mono<PageResponse<RequestViews.Summary>> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal PortalUser user) {
        return Mono.fromCallable(() -> PageQuery.of(page, size)).flatMap(p -> reads.mine(user, p));
    }

    /** The queue, soonest due first: {@code state} is open (default), replied or all. */
    @GetMapping("/api/disclosure/requests/queue")
    Mono<PageResponse<RequestViews.Summary>> queue(@RequestParam(required = false) String department,
            @RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal PortalUser user) {
        return Mono.fromCallable(() -> PageQuery.of(page, size)).flatMap(p -> reads.queue(user, department, state, p));
    }

    /** The legal grounds a partial disclosure or refusal may cite. */
    @GetMapping("/api/disclosure/requests/legal-grounds")
    List<RequestViews.Ground> grounds() {
        return Arrays.stream(LegalGround.values()).map(LegalGround::view).toList();
    }

    @GetMapping("/api/disclosure/requests/{id}")
    Mono<RequestViews.Detail> one(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return reads.one(id, user);
    }

    @PostMapping("/api/disclosure/requests/{id}/extension")
    Mono<RequestViews.Detail> extend(@PathVariable long id, @RequestBody ExtensionRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return handling.extend(id, request.reason(), user).then(Mono.defer(() -> reads.one(id, user)));
    }

    /**
     * Multipart: fields {@code outcome}, {@code legalGround} (for partial disclosure and refusal)
     * and {@code text}; the delivered files as parts named {@code files}.
     */
    @PostMapping(path = "/api/disclosure/requests/{id}/reply", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<RequestViews.Detail> reply(@PathVariable long id, @RequestBody Flux<PartEvent> parts,
            @AuthenticationPrincipal PortalUser user) {
        return handling.reply(id, parts, user).then(Mono.defer(() -> reads.one(id, user)));
    }

    @GetMapping("/api/disclosure/requests/{id}/files/{fileId}")
    Mono<ResponseEntity<Resource>> file(@PathVariable long id, @PathVariable long fileId,
            @AuthenticationPrincipal PortalUser user) {
        return reads.file(id, fileId, user).map(d -> Downloads.attachment(d.file().fileName(), d.file().contentType(),
                d.file().size(), d.resource()));
    }
}
