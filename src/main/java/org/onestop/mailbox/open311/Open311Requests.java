package org.onestop.mailbox.open311;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onestop.account.Department;
import org.onestop.mailbox.ExternalLetters;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.CityTime;
import org.onestop.privacy.MaskingContext;
import org.onestop.privacy.PersonalDataMasker;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Mono;

/**
 * Service requests: a POST becomes a mailbox letter written as the key's account (source
 * {@code open311}, its service code set), stored through the mailbox's own intake with the
 * request's row in the same transaction; GETs read Open311 letters back in the spec's shape.
 */
@Service
class Open311Requests {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ApiKeys keys;
    private final ServiceCatalogue catalogue;
    private final ExternalLetters letters;
    private final RequestStore store;
    private final AuditTrail audit;
    private final Open311Properties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Open311Requests(ApiKeys keys, ServiceCatalogue catalogue, ExternalLetters letters, RequestStore store, AuditTrail audit,
            Open311Properties properties, Clock clock) {
        this.keys = keys;
        this.catalogue = catalogue;
        this.letters = letters;
        this.store = store;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks the key first: without a valid key nothing else is looked at, and nothing is stored. */
    Mono<Open311Views.Posted> post(MultiValueMap<String, String> form, Locale locale) {
        return keys.check(form.getFirst("api_key")).flatMap(caller -> catalogue.resolve(form.getFirst("service_code"))
                .switchIfEmpty(Mono.error(() -> Open311Exception.badRequest(form.getFirst("service_code") == null
                        ? "service_code was not provided" : "service_code was not found")))
                .flatMap(service -> Mono.fromCallable(() -> RequestForm.check(form, catalogue.definition(service)))
                        .flatMap(request -> {
                            String token = token();
                            ExternalLetters.ExternalLetter letter = new ExternalLetters.ExternalLetter("open311",
                                    service.serviceCode(), service.department() == null ? null : service.department().id(),
                                    service.kind(), LetterText.title(request, catalogue.name(service, Locale.CHINESE)),
                                    LetterText.body(request), LetterText.location(request), LetterText.contactPreference(request));
                            return letters.write(letter, caller.writer(), id -> store.insert(id, caller.keyId(), token, request)
                                            .then(audit.record(caller.writer().id(), "open311.request.posted", "mailbox_letter", id,
                                                    Map.of("apiKeyId", caller.keyId(), "serviceCode", service.serviceCode()))))
                                    .map(received -> properties.answerWithToken()
                                            ? new Open311Views.Posted(null, token, catalogue.notice(service.kind(), locale), null)
                                            : new Open311Views.Posted(received.trackingNumber(), null,
                                                    catalogue.notice(service.kind(), locale), null));
                        })));
    }

    Mono<List<Open311Views.Request>> search(MultiValueMap<String, String> params, Locale locale) {
        return Mono.fromCallable(() -> RequestQuery.of(params, clock.instant(), properties))
                .flatMap(query -> store.search(query).collectList())
                .flatMap(rows -> views(rows, locale));
    }

    Mono<List<Open311Views.Request>> one(String id, Locale locale) {
        return store.byNumber(id)
                .switchIfEmpty(Mono.error(() -> Open311Exception.notFound("service_request_id was not found")))
                .flatMap(row -> views(List.of(row), locale));
    }

    Mono<List<Open311Views.Token>> token(String token) {
        return store.byToken(token)
                .switchIfEmpty(Mono.error(() -> Open311Exception.notFound("token was not found")))
                .map(row -> List.of(new Open311Views.Token(row.trackingNumber(), row.token())));
    }

    private Mono<List<Open311Views.Request>> views(List<RequestStore.Row> rows, Locale locale) {
        return catalogue.departments().map(departments -> rows.stream().map(row -> view(row, departments, locale)).toList());
    }

    private Open311Views.Request view(RequestStore.Row row, Map<Long, Department> departments, Locale locale) {
        Department mailbox = row.mailboxDepartmentId() == null ? null : departments.get(row.mailboxDepartmentId());
        Department lead = row.leadDepartmentId() == null ? null : departments.get(row.leadDepartmentId());
        ServiceCatalogue.Resolved service = new ServiceCatalogue.Resolved(row.serviceCode(), mailbox, row.kind());
        // Before dispatch the mailbox's own office answers for the case.
        String agency = lead != null ? lead.name(locale) : mailbox != null ? mailbox.name(locale)
                : ServiceCatalogue.english(locale) ? "City Mailbox Office" : "市长信箱办公室";
        var due = row.dueOn() != null ? row.dueOn() : row.replyDueOn();
        boolean closed = RequestQuery.CLOSED.contains(row.status());
        return new Open311Views.Request(row.trackingNumber(), closed ? "closed" : "open", notes(row), catalogue.name(service, locale),
                row.serviceCode(), masked(row), agency, catalogue.notice(row.kind(), locale), iso(row.receivedAt()),
                iso(row.updatedAt()), due == null ? null : ISO.format(due.atTime(LocalTime.of(23, 59, 59)).atZone(CityTime.ZONE)),
                row.addressString(), row.addressId(), null, row.lat(), row.lon(), row.mediaUrl());
    }

    /**
     * The description as anyone with the API may read it: names (the contact's given and family
     * name wherever they occur, and names a cue introduces), phone, ID and bank card numbers,
     * e-mail addresses and house addresses masked. The original stays with the letter for staff.
     */
    static String masked(RequestStore.Row row) {
        if (row.description() == null) {
            return null;
        }
        List<String> names = new java.util.ArrayList<>();
        String last = row.lastName() == null ? "" : row.lastName().strip();
        String first = row.firstName() == null ? "" : row.firstName().strip();
        names.add(last + first);
        names.add((first + " " + last).strip());
        names.add((last + " " + first).strip());
        return PersonalDataMasker.mask(row.description(), MaskingContext.ofNames(names)).text();
    }

    /** Where the case stands, beyond open or closed; a refusal gives its reason. Replies stay with the writer. */
    private static String notes(RequestStore.Row row) {
        return switch (row.status()) {
            case "received" -> "Received; waiting to be accepted.";
            case "accepted" -> "Accepted; waiting to be dispatched to a department.";
            case "handling" -> "Being handled by the responsible department.";
            case "awaiting_writer" -> "The department asked the writer for more information.";
            case "replied" -> "Replied; waiting for the writer's rating.";
            case "not_accepted" -> "Not accepted: " + (row.notAcceptedReason() == null ? "" : row.notAcceptedReason());
            default -> "Closed.";
        };
    }

    private static String iso(Instant at) {
        return at == null ? null : ISO.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(CityTime.ZONE));
    }

    private String token() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
