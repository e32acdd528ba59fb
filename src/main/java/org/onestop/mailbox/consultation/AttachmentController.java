package org.onestop.mailbox.consultation;

import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.platform.storage.Downloads;
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

/** A consultation's attachments: added and removed by its department's officials, downloaded by whoever may see it. */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    /** Multipart: files as parts named {@code files}, read as a stream so they go to storage as they arrive. */
    @PostMapping(path = "/api/consultations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<List<ConsultationViews.Attachment>> attach(@PathVariable long id, @RequestBody Flux<PartEvent> parts,
            @AuthenticationPrincipal PortalUser user) {
        return attachments.attach(id, parts, user);
    }

    @DeleteMapping("/api/consultations/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasRole('OFFICIAL')")
    Mono<List<ConsultationViews.Attachment>> remove(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal PortalUser user) {
        return attachments.remove(id, attachmentId, user);
    }

    @GetMapping("/api/consultations/{id}/attachments/{attachmentId}")
    Mono<ResponseEntity<Resource>> download(@PathVariable long id, @PathVariable long attachmentId,
            @AuthenticationPrincipal PortalUser user) {
        return attachments.download(id, attachmentId, user).map(d -> Downloads.attachment(d.attachment().fileName(),
                d.attachment().contentType(), d.attachment().size(), d.resource()));
    }
}
