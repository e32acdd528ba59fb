package org.onestop.mailbox.consultation;

import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.onestop.inquiry.screening.Screening;
import org.onestop.inquiry.screening.SensitiveWords;
import org.onestop.privacy.PersonalDataMasker;
import org.onestop.security.PortalUser;
import org.onestop.security.RedisBuckets;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Comments: writing them while the window is open, the public list, one's own, and the review queue. */
@Service
class Comments {

    static final int TEXT_MAX = 1000;
    private static final Set<String> DECISIONS = Set.of("adopted", "partly_adopted", "not_adopted");

    private final CommentStore store;
    private final Drafts drafts;
    private final SensitiveWords words;
    private final RedisBuckets buckets;
    private final BucketConfiguration perDay;
    private final Clock clock;

    Comments(CommentStore store, Drafts drafts, SensitiveWords words, RedisBuckets buckets,
            ConsultationProperties properties, Clock clock) {
        this.store = store;
        this.drafts = drafts;
        this.words = words;
        this.buckets = buckets;
        this.clock = clock;
        // Refilled all at once each day rather than a token every few hours: "n a day" as people read it.
        this.perDay = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(properties.commentsPerDay())
                        .refillIntervally(properties.commentsPerDay(), Duration.ofDays(1)))
                .build();
    }

    /** Checks a comment's wording: 2 to 1,000 characters of plain text with no blocked word. */
    private Screening check(String text) {
        if (text == null || text.isEmpty()) {
            throw ProblemException.invalid("text", "required");
        }
        if (PlainText.length(text) < 2 || PlainText.length(text) > TEXT_MAX) {
            throw ProblemException.invalid("text", "size", 2, TEXT_MAX);
        }
        if (PlainText.hasHiddenCharacters(text, true)) {
            throw ProblemException.invalid("text", "hidden_characters");
        }
        Screening screening = words.screen(text);
        if (screening.isBlocked()) {
            throw ProblemException.invalid("text", "blocked_word", String.join("、", screening.blocked()));
        }
        return screening;
    }

    Mono<ConsultationViews.Submitted> submit(long consultationId, String rawText, boolean anonymous, PortalUser user) {
        String text = PlainText.clean(rawText) == null ? null : PlainText.clean(rawText).replace("\r\n", "\n");
        return Mono.fromCallable(() -> {
            ConsultationAccess.requireSignedIn(user);
            if (!ConsultationAccess.canComment(user)) {
                throw ProblemException.forbidden();
            }
            return check(text);
        }).flatMap(screening -> drafts.visible(consultationId, user)
                .flatMap(row -> row.status().equals("open")
                        ? buckets.take("consultation-comment:" + consultationId + ":" + user.id(), perDay)
                        : Mono.error(ProblemException.state("consultation.not_open")))
                .flatMap(probe -> probe.isConsumed()
                        // Microseconds, as PostgreSQL stores them.
                        ? store.insert(consultationId, user.id(), user.displayName(), anonymous, text, screening.flagged(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS))
                        : Mono.error(ProblemException.rateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill())))))
                .map(id -> new ConsultationViews.Submitted(id, "pending"));
    }

    /**
     * A page of a consultation's comments. Approved ones are public; any other status is the
     * review queue, for the department's officials and moderators only.
     */
    Mono<PageResponse<?>> list(long consultationId, String status, String decision, PageQuery page, PortalUser user) {
        String s = status == null || status.isEmpty() ? "approved" : status;
        Set<String> statuses = switch (s) {
            case "approved" -> Set.of("approved");
            case "pending" -> Set.of("pending");
            case "rejected" -> Set.of("rejected");
            case "all" -> Set.of("pending", "approved", "rejected");
            default -> null;
        };
        if (statuses == null) {
            return Mono.error(ProblemException.invalid("status", "invalid"));
        }
        if (decision != null && !decision.isEmpty() && !DECISIONS.contains(decision)) {
            return Mono.error(ProblemException.invalid("decision", "invalid"));
        }
        String d = decision == null || decision.isEmpty() ? null : decision;
        boolean staffView = !s.equals("approved");
        return drafts.visible(consultationId, user).flatMap(row -> {
            if (staffView) {
                ConsultationAccess.requireModerator(user, row.departmentId());
            }
            return store.page(consultationId, statuses, d, page.offset(), page.size())
                    .map(c -> staffView ? (Object) staff(c) : published(c))
                    .collectList()
                    .zipWith(store.count(consultationId, statuses, d),
                            (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
        });
    }

    /** The caller's own comments on a consultation, whatever their status, newest first. */
    Mono<List<ConsultationViews.MyComment>> mine(long consultationId, PortalUser user) {
        return Mono.fromRunnable(() -> ConsultationAccess.requireSignedIn(user))
                .then(drafts.visible(consultationId, user))
                .flatMap(row -> store.byAuthor(consultationId, user.id())
                        .map(c -> new ConsultationViews.MyComment(c.id(), c.text(), c.anonymous(), c.status(), c.reason(),
                                c.submittedAt(), c.decision(), c.decisionReason()))
                        .collectList());
    }

    /** The public view: phone and ID numbers, addresses and introduced names in the text are masked. */
    static ConsultationViews.PublicComment published(CommentStore.Row c) {
        return new ConsultationViews.PublicComment(c.id(), PersonalDataMasker.mask(c.text()).text(), c.anonymous() ? ConsultationViews.ANONYMOUS : c.authorName(),
                c.anonymous(), c.submittedAt(), c.reviewedAt(), c.decision(), c.decisionReason());
    }

    static ConsultationViews.StaffComment staff(CommentStore.Row c) {
        return new ConsultationViews.StaffComment(c.id(), c.consultationId(), c.text(), c.status(),
                new ConsultationViews.Author(c.authorId(), c.authorName(), c.anonymous()), c.flags(), c.reason(),
                c.submittedAt(), c.reviewedAt(), c.decision(), c.decisionReason());
    }
}
