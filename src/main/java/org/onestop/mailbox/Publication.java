package org.onestop.mailbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.onestop.privacy.Finding;
import org.onestop.privacy.MaskedText;
import org.onestop.privacy.MaskingContext;
import org.onestop.privacy.PersonalDataMasker;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Publishing a replied letter whose writer consented (never a petition, see {@link Channel}): its title, body and reply are masked with
 * {@link PersonalDataMasker} (the writer's name masked wherever it occurs), staff may star out
 * more ({@link Redaction}), and the originals stay in their columns for staff who may see the case.
 * Clerks of the city mailbox office and officials of the lead department publish, redact and
 * withdraw; each is a step of the case, audited, with a timeline entry.
 */
@Service
class Publication {

    private final CaseSteps steps;
    private final PublicationStore store;

    Publication(CaseSteps steps, PublicationStore store) {
        this.steps = steps;
        this.store = store;
    }

    /** Texts staff send back with more starred out; a null text is left as it is. */
    record Texts(String title, String body, String reply) {
    }

    /** What the public sees, or would see once published; {@code masked} counts what the masker found by kind. */
    record View(long letterId, boolean published, java.time.Instant publishedAt, String title, String body, String reply,
            Map<String, Integer> masked) {
    }

    /** The publication of a case for staff who may see it: as stored, or as automatic masking would make it. */
    Mono<View> view(long id, PortalUser user) {
        return steps.visible(id, user).flatMap(l -> store.masked(id).map(m -> m.published()
                ? new View(id, true, m.publishedAt(), m.title(), m.body(), m.reply(), Map.of())
                : masked(l).view(id)));
    }

    Mono<View> publish(long id, Texts redactions, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            // Filled inside the step, before the audit entry is written at its end.
            Map<String, Object> detail = new LinkedHashMap<>();
            return steps.run(id, user, "mailbox.letter.published", detail, c -> {
                Letter l = c.letter();
                requireMayPublish(l, c, user);
                if (l.isPetition()) {
                    return Mono.error(ProblemException.conflict("channel", "petition_not_published"));
                }
                if (!l.consentToPublish()) {
                    return Mono.error(ProblemException.conflict("consentToPublish", "not_consented"));
                }
                return store.masked(id).flatMap(m -> {
                    if (m.published()) {
                        return Mono.error(ProblemException.state("already_published"));
                    }
                    Auto auto = masked(l);
                    Texts t = redactions == null ? new Texts(null, null, null) : redactions;
                    String title = Redaction.apply("title", auto.title(), t.title());
                    String body = Redaction.apply("body", auto.body(), t.body());
                    String reply = Redaction.apply("reply", auto.reply(), t.reply());
                    detail.put("masked", auto.counts());
                    detail.put("starred", Redaction.starred(auto.title(), title) + Redaction.starred(auto.body(), body)
                            + Redaction.starred(auto.reply(), reply));
                    return store.publish(id, title, body, reply, c.now())
                            .then(steps.publicEntry(c, l.status(), "published", null, null, null, user));
                });
            }).then(view(id, user));
        });
    }

    /** Stars out more of a published letter; staff can only take information away. */
    Mono<View> redact(long id, Texts texts, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            if (texts == null) {
                throw ProblemException.invalid("body", "required");
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            return steps.run(id, user, "mailbox.letter.redacted", detail, c -> {
                requireMayPublish(c.letter(), c, user);
                return store.masked(id).flatMap(m -> {
                    if (!m.published()) {
                        return Mono.error(ProblemException.state("not_published"));
                    }
                    String title = Redaction.apply("title", m.title(), texts.title());
                    String body = Redaction.apply("body", m.body(), texts.body());
                    String reply = Redaction.apply("reply", m.reply(), texts.reply());
                    int starred = Redaction.starred(m.title(), title) + Redaction.starred(m.body(), body)
                            + Redaction.starred(m.reply(), reply);
                    detail.put("starred", starred);
                    return store.redact(id, title, body, reply)
                            .then(steps.internalEntry(c, "redacted", "人工遮盖" + starred + "个字符", null, user));
                });
            }).then(view(id, user));
        });
    }

    Mono<View> unpublish(long id, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            return steps.run(id, user, "mailbox.letter.unpublished", Map.of(), c -> {
                requireMayPublish(c.letter(), c, user);
                return store.masked(id).flatMap(m -> !m.published() ? Mono.error(ProblemException.state("not_published"))
                        : store.unpublish(id).then(steps.publicEntry(c, c.letter().status(), "unpublished", null, null, null, user)));
            }).then(view(id, user));
        });
    }

    /** Clerks, and officials of the lead department, on a replied or closed case. */
    private static void requireMayPublish(Letter l, CaseSteps.Context c, PortalUser user) {
        CaseAccess.require(l, c.cohandlers(), user, CaseAction.PUBLISH);
    }

    /** The automatic masking of a letter's texts and what it found. */
    private record Auto(String title, String body, String reply, Map<String, Integer> counts) {

        View view(long id) {
            return new View(id, false, null, title, body, reply, counts);
        }
    }

    private static Auto masked(Letter l) {
        MaskingContext writer = MaskingContext.ofNames(l.writerName());
        Map<String, Integer> counts = new TreeMap<>();
        String title = mask(l.title(), writer, counts);
        String body = mask(l.body(), writer, counts);
        String reply = l.replyText() == null ? null : mask(l.replyText(), writer, counts);
        return new Auto(title, body, reply, counts);
    }

    private static String mask(String text, MaskingContext context, Map<String, Integer> counts) {
        MaskedText masked = PersonalDataMasker.mask(text, context);
        for (Finding f : masked.findings()) {
            counts.merge(f.kind().name().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        return masked.text();
    }
}
