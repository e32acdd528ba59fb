package org.onestop.mailbox.consultation;

import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Consultations: the public list and detail; for officials, their department's list, creating
 * (published or as a draft), publishing a draft, editing, withdrawing and feedback.
 */
@RestController
class ConsultationController {

    private final Drafts drafts;
    private final Feedbacks feedbacks;
    private final DepartmentConsultations department;

    ConsultationController(Drafts drafts, Feedbacks feedbacks, DepartmentConsultations department) {
        this.drafts = drafts;
        this.feedbacks = feedbacks;
        this.department = department;
    }

    record WithdrawRequest(String reason) {
    }

    @GetMapping("/api/consultations")
    Mono<PageResponse<ConsultationViews.Summary>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Long department, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return drafts.list(status, department, PageQuery.of(page, size));
    }

    @PostMapping("/api/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<ConsultationViews.Detail> create(@RequestBody DraftRequest request, @AuthenticationPrincipal PortalUser user) {
        return drafts.create(request, user);
    }

    /** The caller's department's consultations, drafts and withdrawn ones included. */
    @GetMapping("/api/consultations/department")
    Mono<PageResponse<ConsultationViews.DepartmentItem>> department(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal PortalUser user) {
        return department.list(user, PageQuery.of(page, size));
    }

    @PostMapping("/api/consultations/{id}/publish")
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<ConsultationViews.Detail> publish(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return department.publish(id, user);
    }

    @GetMapping("/api/consultations/{id}")
    Mono<ConsultationViews.Detail> one(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return drafts.get(id, user);
    }

    @PutMapping("/api/consultations/{id}")
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<ConsultationViews.Detail> edit(@PathVariable long id, @RequestBody DraftRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return drafts.edit(id, request, user);
    }

    @PostMapping("/api/consultations/{id}/withdraw")
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<ConsultationViews.Detail> withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return drafts.withdraw(id, request == null ? null : request.reason(), user);
    }

    @PostMapping("/api/consultations/{id}/feedback")
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<ConsultationViews.Detail> feedback(@PathVariable long id, @RequestBody FeedbackRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return feedbacks.publish(id, request, user);
    }
}
