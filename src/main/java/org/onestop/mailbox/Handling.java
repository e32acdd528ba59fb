package org.onestop.mailbox;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A dispatched case at its departments: the lead department asks the writer for more, drafts a
 * reply from a template and replies; co-handlers give their opinions to the lead; any staff on the
 * case may add an internal note.
 */
@Service
class Handling {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final CaseSteps steps;
    private final LetterStore letters;
    private final TemplateStore templates;
    private final MailboxDepartments departments;
    private final MailboxProperties properties;

    Handling(CaseSteps steps, LetterStore letters, TemplateStore templates, MailboxDepartments departments,
            MailboxProperties properties) {
        this.steps = steps;
        this.letters = letters;
        this.templates = templates;
        this.departments = departments;
        this.properties = properties;
    }

    /**
     * Asks the writer for more information. The reply clock pauses: the working days it had left
     * are kept and run again from the day the writer answers (see {@link WriterSteps#supplement}).
     */
    Mono<Letter> requestInformation(long id, String rawQuestion, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            String question = MailboxText.required("question", rawQuestion, 1000, true);
            return steps.run(id, user, "mailbox.letter.information_requested", Map.of("question", question), c -> {
                Letter l = c.letter();
                CaseAccess.require(l, c.cohandlers(), user, CaseAction.REQUEST_INFORMATION);
                return letters.pause(l.id(), steps.daysLeft(c))
                        .then(steps.publicEntry(c, Status.AWAITING_WRITER, "information_requested", question, null,
                                l.leadDepartmentId(), user));
            });
        });
    }

    Mono<Letter> reply(long id, String rawText, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            String text = MailboxText.required("text", rawText, 4000, true);
            return steps.run(id, user, "mailbox.letter.replied", Map.of(), c -> {
                Letter l = c.letter();
                CaseAccess.require(l, c.cohandlers(), user, CaseAction.REPLY);
                return letters.reply(l.id(), text, l.leadDepartmentId(), l.dueOn(), c.now(), c.now().plus(properties.ratingWindow()))
                        .then(steps.publicEntry(c, Status.REPLIED, "replied", text, null, l.leadDepartmentId(), user));
            });
        });
    }

    /** A co-handling department's opinion for the lead; staff only. */
    Mono<Letter> opinion(long id, String rawText, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            String text = MailboxText.required("text", rawText, 2000, true);
            return steps.run(id, user, "mailbox.letter.opinion_added", Map.of(), c -> {
                Letter l = c.letter();
                CaseAccess.require(l, c.cohandlers(), user, CaseAction.OPINION);
                return steps.internalEntry(c, "opinion", text, CaseAccess.department(user), user);
            });
        });
    }

    /** An internal note by anyone who may see the case; never shown to the writer. */
    Mono<Letter> note(long id, String rawText, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            String text = MailboxText.required("text", rawText, 2000, true);
            return steps.run(id, user, "mailbox.letter.noted", Map.of(), c -> {
                CaseAccess.require(c.letter(), c.cohandlers(), user, CaseAction.NOTE);
                return steps.internalEntry(c, "note", text, CaseAccess.department(user), user);
            });
        });
    }

    /** The reply templates for the case's kind. */
    Mono<List<MailboxViews.Template>> templates(long id, PortalUser user) {
        return steps.visible(id, user).flatMap(l -> templates.ofKind(l.kind()).collectList());
    }

    /** A reply drafted from a template, its placeholders filled in for this case; the lead edits and sends it. */
    Mono<MailboxViews.Draft> draft(long id, Long templateId, PortalUser user) {
        if (templateId == null) {
            return Mono.error(ProblemException.invalid("template", "required"));
        }
        return steps.visible(id, user)
                .flatMap(l -> templates.find(templateId)
                        .filter(t -> t.kind().equals(l.kind().code()))
                        .switchIfEmpty(Mono.error(() -> ProblemException.invalid("template", "unknown_template")))
                        .flatMap(t -> (l.leadDepartmentId() == null ? Mono.just("")
                                : departments.byId(l.leadDepartmentId()).map(d -> d.nameZh()).defaultIfEmpty(""))
                                .map(department -> new MailboxViews.Draft(t.id(), t.body()
                                        .replace("{title}", l.title())
                                        .replace("{number}", l.trackingNumber())
                                        .replace("{receivedOn}", l.receivedAt().atZone(org.onestop.platform.CityTime.ZONE)
                                                .toLocalDate().format(CHINESE_DATE))
                                        .replace("{department}", department)))));
    }
}
