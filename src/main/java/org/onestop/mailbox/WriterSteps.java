package org.onestop.mailbox;

import java.util.HashMap;
import java.util.Map;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The writer's steps on their own case: answering a request for more, rating the reply, reopening once. */
@Service
class WriterSteps {

    private final CaseSteps steps;
    private final LetterStore letters;
    private final Closing closing;

    WriterSteps(CaseSteps steps, LetterStore letters, Closing closing) {
        this.steps = steps;
        this.letters = letters;
        this.closing = closing;
    }

    /**
     * The writer's answer to a request for more information. The reply clock resumes from today
     * with the working days it had left when it paused.
     */
    Mono<Letter> supplement(long id, String rawText, PortalUser writer) {
        return Mono.defer(() -> {
            String text = MailboxText.required("text", rawText, 4000, true);
            return own(id, writer).then(steps.run(id, writer, "mailbox.letter.information_supplied", Map.of(), c -> {
                Letter l = c.letter();
                CaseAccess.requireStatus(l, Status.AWAITING_WRITER);
                int left = l.pausedDaysLeft() == null ? 0 : l.pausedDaysLeft();
                return letters.resume(l.id(), steps.resumed(c, left))
                        .then(steps.publicEntry(c, Status.HANDLING, "information_supplied", text, null, l.leadDepartmentId(), writer));
            }));
        });
    }

    /**
     * Rates the current reply. Satisfied (3 to 5), or dissatisfied after the one reopening, closes
     * the case; dissatisfied (1 or 2) the first time leaves it open for the writer to reopen until
     * the rating window ends.
     */
    Mono<Letter> rate(long id, Integer satisfaction, String rawComment, PortalUser writer) {
        return Mono.defer(() -> {
            if (satisfaction == null) {
                throw ProblemException.invalid("satisfaction", "required");
            }
            if (satisfaction < 1 || satisfaction > 5) {
                throw ProblemException.invalid("satisfaction", "satisfaction");
            }
            String comment = MailboxText.optional("comment", rawComment, 500, true);
            Map<String, Object> detail = new HashMap<>();
            detail.put("satisfaction", satisfaction);
            return own(id, writer).flatMap(closing::closeIfExpired).then(steps.run(id, writer, "mailbox.letter.rated", detail, c -> {
                Letter l = c.letter();
                CaseAccess.requireStatus(l, Status.REPLIED);
                if (l.ratedSinceReply()) {
                    return Mono.error(ProblemException.state("already_rated"));
                }
                Mono<Void> rated = letters.rate(l.id(), satisfaction, comment, c.now())
                        .then(steps.publicEntry(c, Status.REPLIED, "rated", comment, null, null, writer));
                boolean closes = satisfaction >= 3 || l.reopened();
                return !closes ? rated : rated.then(letters.close(l.id(), c.now()))
                        .then(steps.publicEntry(c, Status.CLOSED, "closed", null, null, null, writer));
            }));
        });
    }

    /** Sends a reply rated 1 or 2 back to the lead department, once per case, within the rating window. */
    Mono<Letter> reopen(long id, PortalUser writer) {
        return own(id, writer).flatMap(closing::closeIfExpired).then(steps.run(id, writer, "mailbox.letter.reopened", Map.of(), c -> {
            Letter l = c.letter();
            if (l.reopened()) {
                return Mono.error(ProblemException.state("reopen_used"));
            }
            CaseAccess.requireStatus(l, Status.REPLIED);
            if (!l.ratedSinceReply() || l.satisfaction() > 2) {
                return Mono.error(ProblemException.state("not_dissatisfied"));
            }
            return letters.reopen(l.id(), steps.reopenedDue(c))
                    .then(steps.publicEntry(c, Status.HANDLING, "reopened", null, null, l.leadDepartmentId(), writer));
        }));
    }

    /** The writer's own letter; anyone else's is not found, as if it did not exist. */
    Mono<Letter> own(long id, PortalUser writer) {
        return letters.find(id).filter(l -> l.writerId() == writer.id())
                .switchIfEmpty(Mono.error(() -> CaseAccess.notFound(id)));
    }
}
