package org.onestop.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks the fields of a letter or petition ({@code channel}: mailbox, the default, or
 * petition). They come either as one JSON part named {@code letter} or as separate form fields of
 * the same names; every problem is reported at once.
 */
@Component
class LetterForms {

    static final String JSON_PART = "letter";
    static final Set<String> CONTACTS = Set.of("phone", "sms", "email", "none");

    private final JsonMapper json;
    private final MailboxDepartments departments;

    LetterForms(JsonMapper json, MailboxDepartments departments) {
        this.json = json;
        this.departments = departments;
    }

    /** The fields as sent. */
    record LetterForm(String channel, String mailbox, String kind, String title, String body, String location, String request,
            Boolean consentToPublish, String contactPreference) {
    }

    /**
     * A letter whose every field is checked; {@code departmentId} is null for the mayor's mailbox.
     * A petition carries its request, never consent to publish.
     */
    record CheckedLetter(Channel channel, String mailbox, Long departmentId, LetterKind kind, String title, String body,
            String location, String petitionRequest, boolean consentToPublish, String contactPreference) {
    }

    /** Checks the fields, adding the problems found earlier (e.g. refused files); fails with all of them. */
    Mono<CheckedLetter> check(Map<String, String> fields, List<FieldProblem> earlier) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>(earlier);
            LetterForm form = form(fields, problems);
            Channel channel = form.channel() == null || form.channel().isBlank() ? Channel.MAILBOX : Channel.fromCode(form.channel().strip());
            if (channel == null) {
                problems.add(FieldProblem.of("channel", "unknown_channel"));
            }
            LetterKind kind = LetterKind.fromCode(form.kind());
            if (form.kind() == null || form.kind().isBlank()) {
                problems.add(FieldProblem.of("kind", "required"));
            } else if (kind == null) {
                problems.add(FieldProblem.of("kind", "unknown_kind"));
            }
            String title = collect(problems, () -> MailboxText.required("title", form.title(), 50, false));
            String body = collect(problems, () -> MailboxText.required("body", form.body(), 4000, true));
            String location = collect(problems, () -> MailboxText.optional("location", form.location(), 100, false));
            String contact = form.contactPreference();
            if (contact == null || contact.isBlank()) {
                problems.add(FieldProblem.of("contactPreference", "required"));
            } else if (!CONTACTS.contains(contact)) {
                problems.add(FieldProblem.of("contactPreference", "unknown_contact"));
            }
            boolean petition = channel == Channel.PETITION;
            String request = petition ? collect(problems, () -> MailboxText.required("request", form.request(), 500, true)) : null;
            if (petition) {
                Petitions.check(kind, contact, problems);
            }
            String mailbox = form.mailbox() == null ? "" : form.mailbox().strip();
            Mono<Long> department;
            if (mailbox.isEmpty()) {
                problems.add(FieldProblem.of("mailbox", "required"));
                department = Mono.just(-1L);
            } else if (mailbox.equals("mayor")) {
                department = Mono.just(-1L);
            } else {
                department = departments.address(mailbox).map(d -> d.id()).defaultIfEmpty(-2L);
            }
            return department.flatMap(id -> {
                if (id == -2L) {
                    problems.add(FieldProblem.of("mailbox", "unknown_mailbox"));
                }
                if (!problems.isEmpty()) {
                    return Mono.error(ProblemException.invalid(problems));
                }
                return Mono.just(new CheckedLetter(channel, id == -1L ? "mayor" : "department", id == -1L ? null : id, kind,
                        title, body, location, request, !petition && Boolean.TRUE.equals(form.consentToPublish()), contact));
            });
        });
    }

    private LetterForm form(Map<String, String> fields, List<FieldProblem> problems) {
        String letter = fields.get(JSON_PART);
        if (letter != null) {
            try {
                LetterForm form = json.readValue(letter, LetterForm.class);
                if (form == null) {
                    throw malformed();
                }
                return form;
            } catch (DatabindException e) {
                if (e.getPath().isEmpty()) {
                    throw malformed();
                }
                // A field of the wrong type (e.g. "consentToPublish": "maybe") is reported as that field.
                throw ProblemException.invalid(e.getPath().getFirst().getPropertyName(), "type");
            } catch (JacksonException e) {
                throw malformed();
            }
        }
        String consent = fields.get("consentToPublish");
        Boolean consentToPublish = null;
        if (consent != null && !consent.isBlank()) {
            switch (consent.strip()) {
                case "true", "on" -> consentToPublish = true;
                case "false" -> consentToPublish = false;
                default -> problems.add(FieldProblem.of("consentToPublish", "type"));
            }
        }
        return new LetterForm(fields.get("channel"), fields.get("mailbox"), fields.get("kind"), fields.get("title"),
                fields.get("body"), fields.get("location"), fields.get("request"), consentToPublish, fields.get("contactPreference"));
    }

    private static ProblemException malformed() {
        return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body", List.of(), List.of(), null);
    }

    private static String collect(List<FieldProblem> problems, Supplier<String> check) {
        try {
            return check.get();
        } catch (ProblemException e) {
            problems.addAll(e.fieldProblems());
            return null;
        }
    }
}
