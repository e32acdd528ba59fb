package org.onestop.disclosure;

import java.util.Optional;
import org.onestop.platform.storage.Downloads;
import org.onestop.security.PortalUser;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A document's attachments: added and removed by officials of its department (answered with the
 * document as it then stands), downloaded by whoever may read the document.
 */
@RestController
class DocumentAttachmentController {

    private final DocumentAttachments attachments;

    DocumentAttachmentController(DocumentAttachments attachments) {
        this.attachments = attachments;
    }

    /** Multipart: files as parts named {@code files}, read as a stream so they go to storage as they arrive. */
    @PostMapping(path = "/api/disclosure/manage/documents/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<DisclosureViews.Document> attach(@PathVariable long id, @RequestBody Flux<PartEvent> parts,
            @AuthenticationPrincipal PortalUser user) {
        return attachments.attach(id, parts, user);
    }

    @DeleteMapping("/api/disclosure/manage/documents/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<DisclosureViews.Document> remove(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal PortalUser user) {
        return attachments.remove(id, attachmentId, user);
    }

    @GetMapping("/api/disclosure/documents/{id}/attachments/{attachmentId}")
    Mono<ResponseEntity<Resource>> download(@PathVariable long id, @PathVariable long attachmentId) {
        // A public route: there may be no signed-in user.
        return PortalUser.current().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> attachments.download(id, attachmentId, user.orElse(null)))
                .map(d -> Downloads.attachment(d.attachment().fileName(), d.attachment().contentType(), d.attachment().size(),
                        d.resource()));
    }
}
