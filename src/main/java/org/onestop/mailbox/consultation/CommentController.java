package org.onestop.mailbox.consultation;

import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Comments on consultations: writing, the public list, one's own, and moderation. */
@RestController
class CommentController {

    private final Comments comments;
    private final CommentModeration moderation;

    CommentController(Comments comments, CommentModeration moderation) {
        this.comments = comments;
        this.moderation = moderation;
    }

    record CommentRequest(String text, Boolean anonymous) {
    }

    record RejectRequest(String reason) {
    }

    @PostMapping("/api/consultations/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ConsultationViews.Submitted> comment(@PathVariable long id, @RequestBody CommentRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return comments.submit(id, request.text(), Boolean.TRUE.equals(request.anonymous()), user);
    }

    /** Approved comments for everyone; {@code status=pending|rejected|all} is the review queue for staff. */
    @GetMapping("/api/consultations/{id}/comments")
    Mono<PageResponse<?>> list(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String decision, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal PortalUser user) {
        return comments.list(id, status, decision, PageQuery.of(page, size), user);
    }

    @GetMapping("/api/consultations/{id}/comments/mine")
    Mono<List<ConsultationViews.MyComment>> mine(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return comments.mine(id, user);
    }

    @PostMapping("/api/consultations/comments/{commentId}/approve")
    Mono<ConsultationViews.StaffComment> approve(@PathVariable long commentId, @AuthenticationPrincipal PortalUser user) {
        return moderation.approve(commentId, user);
    }

    @PostMapping("/api/consultations/comments/{commentId}/reject")
    Mono<ConsultationViews.StaffComment> reject(@PathVariable long commentId, @RequestBody(required = false) RejectRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return moderation.reject(commentId, request == null ? null : request.reason(), user);
    }
}
