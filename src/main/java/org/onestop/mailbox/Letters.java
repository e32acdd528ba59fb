package org.onestop.mailbox;

import java.util.Locale;
import org.onestop.platform.storage.FileStore;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading letters: the writer's own, tracking by number and code, a case for staff, and attachments. */
@Service
class Letters {

    private final LetterStore letters;
    private final CaseSteps steps;
    private final AttachmentStore attachments;
    private final FileStore files;
    private final CaseViews views;
    private final Closing closing;
    private final WriterSteps writerSteps;
    private final Tracking tracking;
    private final TrackingThrottle throttle;

    Letters(LetterStore letters, CaseSteps steps, AttachmentStore attachments, FileStore files, CaseViews views,
            Closing closing, WriterSteps writerSteps, Tracking tracking, TrackingThrottle throttle) {
        this.letters = letters;
        this.steps = steps;
        this.attachments = attachments;
        this.files = files;
        this.views = views;
        this.closing = closing;
        this.writerSteps = writerSteps;
        this.tracking = tracking;
        this.throttle = throttle;
    }

    Mono<PageResponse<MailboxViews.Summary>> mine(PortalUser writer, PageQuery page) {
        return letters.byWriter(writer.id(), page.offset(), page.size()).collectList()
                .flatMap(views::summaries)
                .zipWith(letters.countByWriter(writer.id()), (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
    }

    Mono<MailboxViews.WriterLetter> own(long id, PortalUser writer) {
        return writerSteps.own(id, writer).flatMap(closing::closeIfExpired).flatMap(l -> views.writer(l, writer));
    }

    /**
     * Status and public timeline for whoever holds the number and its code. A wrong pair, whether
     * the number or the code is wrong, is 404; guessing is throttled per number and per address.
     */
    Mono<MailboxViews.Tracked> track(String rawNumber, String rawCode, String address) {
        return Mono.defer(() -> {
            String number = MailboxText.required("number", rawNumber, 20, false).toUpperCase(Locale.ROOT);
            String code = MailboxText.required("code", rawCode, 20, false).toUpperCase(Locale.ROOT);
            return throttle.attempt(number, address)
                    .then(letters.byNumber(number).map(l -> java.util.Optional.of(l)).defaultIfEmpty(java.util.Optional.empty()))
                    .flatMap(found -> tracking.matches(code, found.map(Letter::queryCodeHash).orElse(null))
                            .flatMap(ok -> ok ? throttle.succeeded(number, address).thenReturn(found.get())
                                    : Mono.error(ProblemException.notFound("letter", PlainText.clean(number)))))
                    .flatMap(closing::closeIfExpired)
                    .flatMap(views::tracked);
        });
    }

    Mono<MailboxViews.StaffCase> staffCase(long id, PortalUser user) {
        return steps.visible(id, user).flatMap(closing::closeIfExpired).flatMap(l -> views.staff(l, user));
    }

    /** An attachment's record and file, for its writer and for staff who may see the case. */
    Mono<Download> attachment(long letterId, long attachmentId, PortalUser user) {
        Mono<Letter> letter = letters.find(letterId)
                .filter(l -> l.writerId() == user.id())
                .switchIfEmpty(Mono.defer(() -> user.isStaff() ? steps.visible(letterId, user) : Mono.error(CaseAccess.notFound(letterId))));
        return letter.flatMap(l -> attachments.find(l.id(), attachmentId))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", attachmentId)))
                .flatMap(a -> files.resource(a.storageKey())
                        .switchIfEmpty(Mono.error(() -> ProblemException.notFound("attachment", attachmentId)))
                        .map(resource -> new Download(a, resource)));
    }

    record Download(AttachmentStore.Attachment attachment, Resource resource) {
    }
}
