package org.onestop.mailbox;

import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The staff's side of the mailbox: queues, supervision, and every step of a case. Each service
 * checks the caller's role and department itself; the route only asks for a sign-in.
 */
@RestController
class CaseController {

    private final Queues queues;
    private final Letters letters;
    private final Triage triage;
    private final Handling handling;
    private final CaseViews views;

    CaseController(Queues queues, Letters letters, Triage triage, Handling handling, CaseViews views) {
        this.queues = queues;
        this.letters = letters;
        this.triage = triage;
        this.handling = handling;
        this.views = views;
    }

    record TextRequest(String text) {
    }

    record ReasonRequest(String reason) {
    }

    record QuestionRequest(String question) {
    }

    @GetMapping("/api/mailbox/queue")
    Mono<PageResponse<MailboxViews.QueueItem>> queue(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal PortalUser user) {
        return queues.queue(user, PageQuery.of(page, size));
    }

    /** Overdue cases across departments; {@code channel} (mailbox or petition) narrows them to one channel. */
    @GetMapping("/api/mailbox/supervision")
    Mono<PageResponse<MailboxViews.QueueItem>> supervision(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String channel,
            @AuthenticationPrincipal PortalUser user) {
        return queues.overdue(user, channel, PageQuery.of(page, size));
    }

    @GetMapping("/api/mailbox/cases/{id}")
    Mono<MailboxViews.StaffCase> one(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return letters.staffCase(id, user);
    }

    @PostMapping("/api/mailbox/cases/{id}/accept")
    Mono<MailboxViews.StaffCase> accept(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return triage.accept(id, user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/not-accept")
    Mono<MailboxViews.StaffCase> notAccept(@PathVariable long id, @RequestBody ReasonRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return triage.notAccept(id, request.reason(), user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/dispatch")
    Mono<MailboxViews.StaffCase> dispatch(@PathVariable long id, @RequestBody Triage.Dispatch request,
            @AuthenticationPrincipal PortalUser user) {
        return triage.dispatch(id, request, user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/transfer-back")
    Mono<MailboxViews.StaffCase> transferBack(@PathVariable long id, @RequestBody ReasonRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return triage.transferBack(id, request.reason(), user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/information-request")
    Mono<MailboxViews.StaffCase> requestInformation(@PathVariable long id, @RequestBody QuestionRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return handling.requestInformation(id, request.question(), user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/reply")
    Mono<MailboxViews.StaffCase> reply(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return handling.reply(id, request.text(), user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/opinions")
    Mono<MailboxViews.StaffCase> opinion(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return handling.opinion(id, request.text(), user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/notes")
    Mono<MailboxViews.StaffCase> note(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return handling.note(id, request.text(), user).flatMap(l -> views.staff(l, user));
    }

    @PostMapping("/api/mailbox/cases/{id}/supervise")
    Mono<MailboxViews.StaffCase> supervise(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return queues.supervise(id, request.text(), user).flatMap(l -> views.staff(l, user));
    }

    @GetMapping("/api/mailbox/cases/{id}/templates")
    Mono<List<MailboxViews.Template>> templates(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return handling.templates(id, user);
    }

    @GetMapping("/api/mailbox/cases/{id}/draft")
    Mono<MailboxViews.Draft> draft(@PathVariable long id, @RequestParam(required = false) Long template,
            @AuthenticationPrincipal PortalUser user) {
        return handling.draft(id, template, user);
    }
}
