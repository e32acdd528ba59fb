package org.onestop.mailbox;

import java.nio.charset.StandardCharsets;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public side of the mailbox: published letters, statistics, the scorecard and its CSV, open
 * to anyone under {@code /api/mailbox/public/}; and the staff's publication of a case, which needs
 * a sign-in and whose service checks role and department. Parameters are taken as text so that
 * malformed values get the feature's own 400 problem.
 */
@RestController
class PublicMailboxController {

    private final PublicLetters letters;
    private final MailboxStatistics statistics;
    private final Scorecard scorecard;
    private final Publication publication;

    PublicMailboxController(PublicLetters letters, MailboxStatistics statistics, Scorecard scorecard, Publication publication) {
        this.letters = letters;
        this.statistics = statistics;
        this.scorecard = scorecard;
        this.publication = publication;
    }

    @GetMapping("/api/mailbox/public/letters")
    Mono<PageResponse<PublicLetters.Summary>> list(@RequestParam(required = false) String department,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String month,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Mono.defer(() -> letters.list(department, kind, month, PageQuery.of(page, size)));
    }

    @GetMapping("/api/mailbox/public/letters/{id}")
    Mono<PublicLetters.Detail> one(@PathVariable long id) {
        return letters.one(id);
    }

    @GetMapping("/api/mailbox/public/statistics")
    Mono<MailboxStatistics.Statistics> statistics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String department,
            @RequestParam(required = false) String kind) {
        return statistics.statistics(from, to, department, kind);
    }

    @GetMapping("/api/mailbox/public/statistics.csv")
    Mono<ResponseEntity<String>> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String department, @RequestParam(required = false) String kind) {
        return statistics.statistics(from, to, department, kind).map(s -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mailbox-statistics-" + s.from() + "-" + s.to() + ".csv\"")
                .body(StatisticsCsv.write(s)));
    }

    @GetMapping("/api/mailbox/public/scorecard")
    Mono<Scorecard.Card> scorecard(@RequestParam(required = false) String year) {
        return scorecard.card(year);
    }

    @GetMapping("/api/mailbox/cases/{id}/publication")
    Mono<Publication.View> publication(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return publication.view(id, user);
    }

    @PostMapping("/api/mailbox/cases/{id}/publish")
    Mono<Publication.View> publish(@PathVariable long id, @RequestBody(required = false) Publication.Texts redactions,
            @AuthenticationPrincipal PortalUser user) {
        return publication.publish(id, redactions, user);
    }

    @PostMapping("/api/mailbox/cases/{id}/redact")
    Mono<Publication.View> redact(@PathVariable long id, @RequestBody Publication.Texts texts,
            @AuthenticationPrincipal PortalUser user) {
        return publication.redact(id, texts, user);
    }

    @PostMapping("/api/mailbox/cases/{id}/unpublish")
    Mono<Publication.View> unpublish(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return publication.unpublish(id, user);
    }
}
