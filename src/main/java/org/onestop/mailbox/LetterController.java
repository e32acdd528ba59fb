package org.onestop.mailbox;

import java.net.InetSocketAddress;
import java.util.ArrayList;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The writer's side of the mailbox: writing, my letters, rating and reopening; tracking; the mailboxes. */
@RestController
class LetterController {

    private final LetterIntake intake;
    private final Letters letters;
    private final WriterSteps steps;
    private final CaseViews views;
    private final MailboxDepartments departments;

    LetterController(LetterIntake intake, Letters letters, WriterSteps steps, CaseViews views, MailboxDepartments departments) {
        this.intake = intake;
        this.letters = letters;
        this.steps = steps;
        this.views = views;
        this.departments = departments;
    }

    record TextRequest(String text) {
    }

    record RatingRequest(Integer satisfaction, String comment) {
    }

    record TrackRequest(String number, String code) {
    }

    /**
     * Multipart: the fields as one JSON part {@code letter} or as form fields, files as parts named
     * {@code attachments}. The body is read as a stream of part events, so files go to storage as
     * they arrive.
     */
    @PostMapping(path = "/api/mailbox/letters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MailboxViews.Written> write(@RequestBody Flux<PartEvent> parts, @AuthenticationPrincipal PortalUser user) {
        return intake.write(parts, user);
    }

    @GetMapping("/api/mailbox/letters/mine")
    Mono<PageResponse<MailboxViews.Summary>> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal PortalUser user) {
        return letters.mine(user, PageQuery.of(page, size));
    }

    @GetMapping("/api/mailbox/letters/{id}")
    Mono<MailboxViews.WriterLetter> one(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return letters.own(id, user);
    }

    @GetMapping("/api/mailbox/letters/{id}/attachments/{attachmentId}")
    Mono<ResponseEntity<Resource>> attachment(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal PortalUser user) {
        return letters.attachment(id, attachmentId, user).map(d -> Downloads.attachment(d.attachment().fileName(),
                d.attachment().contentType(), d.attachment().size(), d.resource()));
    }

    @PostMapping("/api/mailbox/letters/{id}/supplement")
    Mono<MailboxViews.WriterLetter> supplement(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return steps.supplement(id, request.text(), user).flatMap(l -> views.writer(l, user));
    }

    @PostMapping("/api/mailbox/letters/{id}/rating")
    Mono<MailboxViews.WriterLetter> rate(@PathVariable long id, @RequestBody RatingRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return steps.rate(id, request.satisfaction(), request.comment(), user).flatMap(l -> views.writer(l, user));
    }

    @PostMapping("/api/mailbox/letters/{id}/reopen")
    Mono<MailboxViews.WriterLetter> reopen(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return steps.reopen(id, user).flatMap(l -> views.writer(l, user));
    }

    @PostMapping("/api/mailbox/track")
    Mono<MailboxViews.Tracked> track(@RequestBody TrackRequest request, ServerWebExchange exchange) {
        return letters.track(request.number(), request.code(), clientAddress(exchange));
    }

    /** Where letters can be written: the mayor's mailbox, then each department's and district's. */
    @GetMapping("/api/mailbox/public/mailboxes")
    Mono<List<MailboxViews.Mailbox>> mailboxes() {
        return departments.sorted().map(all -> {
            List<MailboxViews.Mailbox> boxes = new ArrayList<>();
            boxes.add(new MailboxViews.Mailbox("mayor", null));
            all.forEach(d -> boxes.add(new MailboxViews.Mailbox("department", d)));
            return boxes;
        });
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
