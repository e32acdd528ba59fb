package org.onestop.disclosure;

import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Officials' writes: publish, revise and withdraw documents, and update their department's guide. */
@RestController
class ManageController {

    private final Documents documents;
    private final Guides guides;

    ManageController(Documents documents, Guides guides) {
        this.documents = documents;
        this.guides = guides;
    }

    record WithdrawRequest(String reason) {
    }

    record GuideRequest(String body) {
    }

    @PostMapping("/api/disclosure/manage/documents")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DisclosureViews.Document> publish(@RequestBody DocumentRequest request, @AuthenticationPrincipal PortalUser user) {
        return documents.publish(request, user);
    }

    @PutMapping("/api/disclosure/manage/documents/{id}")
    Mono<DisclosureViews.Document> revise(@PathVariable long id, @RequestBody DocumentRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return documents.revise(id, request, user);
    }

    @PostMapping("/api/disclosure/manage/documents/{id}/withdraw")
    Mono<DisclosureViews.Document> withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return documents.withdraw(id, request == null ? null : request.reason(), user);
    }

    @PutMapping("/api/disclosure/manage/departments/{id}/guide")
    Mono<DisclosureViews.Guide> guide(@PathVariable long id, @RequestBody GuideRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return guides.update(id, request.body(), user);
    }
}
