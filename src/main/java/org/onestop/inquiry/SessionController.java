package org.onestop.inquiry;

import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sessions: the public list, calendar and archive; scheduling, starting and ending for staff. */
@RestController
class SessionController {

    private final Sessions sessions;
    private final Moderation moderation;
    private final Archive archive;

    SessionController(Sessions sessions, Moderation moderation, Archive archive) {
        this.sessions = sessions;
        this.moderation = moderation;
        this.archive = archive;
    }

    record MuteRequest(Long userId) {
    }

    @GetMapping("/api/inquiry/sessions")
    Mono<PageResponse<InquiryViews.Session>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) Long department, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return sessions.list(status, department, PageQuery.of(page, size));
    }

    @PostMapping("/api/inquiry/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'MODERATOR')")
    Mono<InquiryViews.Session> create(@RequestBody SessionRequest request, @AuthenticationPrincipal PortalUser user) {
        return sessions.create(request, user);
    }

    @GetMapping("/api/inquiry/sessions/{id}")
    Mono<InquiryViews.Session> one(@PathVariable long id) {
        return sessions.get(id);
    }

    @PostMapping("/api/inquiry/sessions/{id}/start")
    Mono<InquiryViews.Session> start(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return sessions.start(id, user);
    }

    /** Ending a session: the unanswered questions the moderator chose to follow up as mailbox cases. */
    record EndRequest(List<Long> followUp) {
    }

    @PostMapping("/api/inquiry/sessions/{id}/end")
    Mono<InquiryViews.Session> end(@PathVariable long id, @RequestBody(required = false) EndRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return sessions.end(id, request == null ? null : request.followUp(), user);
    }

    @PostMapping("/api/inquiry/sessions/{id}/mutes")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> mute(@PathVariable long id, @RequestBody MuteRequest request, @AuthenticationPrincipal PortalUser user) {
        return moderation.mute(id, request.userId(), user);
    }

    @GetMapping("/api/inquiry/sessions/{id}/transcript")
    Mono<InquiryViews.Transcript> transcript(@PathVariable long id) {
        return archive.transcript(id);
    }

    @GetMapping("/api/inquiry/sessions/{id}/transcript.csv")
    Mono<ResponseEntity<String>> csv(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return archive.csv(id, user).map(body -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inquiry-" + id + ".csv\"")
                .body(body));
    }

    @GetMapping("/api/inquiry/sessions/calendar.ics")
    Mono<ResponseEntity<String>> calendar(@RequestParam(required = false) Long department) {
        return archive.calendar(department).map(body -> ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(body));
    }
}
