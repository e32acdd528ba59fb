package org.onestop.mailbox.open311;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.mailbox.ExternalLetters;
import org.onestop.mailbox.MailboxProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Open311 services are the mailbox's kinds of letter at each mailbox: {@code HOUSING.complaint}
 * is a complaint to the housing bureau's mailbox, {@code mayor.help} a request for help to the
 * mayor's. Every department and district has a mailbox, so each is a group of five services.
 */
@Component
class ServiceCatalogue {

    static final String MAYOR = "mayor";

    private static final Map<String, String[]> KINDS = Map.of(
            "consultation", new String[] {"咨询", "Consultation", "Ask about a policy, a procedure or a public service."},
            "help", new String[] {"求助", "Request for help", "Ask for help with a problem you cannot solve yourself."},
            "suggestion", new String[] {"建议", "Suggestion", "Propose an improvement to the city's work."},
            "criticism", new String[] {"批评", "Criticism", "Criticise how a public body or its staff work."},
            "complaint", new String[] {"投诉", "Complaint", "Complain about a public body, its staff or a service."});
    private static final List<Open311Views.Value> CONTACT = List.of(new Open311Views.Value("phone", "Phone call"),
            new Open311Views.Value("sms", "Text message"), new Open311Views.Value("email", "E-mail"),
            new Open311Views.Value("none", "No contact"));

    private final MailboxProperties mailbox;
    private final Mono<Map<Long, Department>> byId;
    private final Mono<List<Department>> sorted;

    ServiceCatalogue(Departments departments, MailboxProperties mailbox) {
        this.mailbox = mailbox;
        // Departments are reference data: one copy for a few minutes; a failed read is not kept.
        this.sorted = departments.all(null).collectList()
                .cache(all -> Duration.ofMinutes(5), error -> Duration.ZERO, () -> Duration.ZERO);
        this.byId = sorted.map(all -> {
            Map<Long, Department> map = new java.util.HashMap<>();
            all.forEach(d -> map.put(d.id(), d));
            return map;
        });
    }

    /** A service code resolved to its mailbox and kind; {@code department} null is the mayor's mailbox. */
    record Resolved(String serviceCode, Department department, String kind) {
    }

    Mono<Map<Long, Department>> departments() {
        return byId;
    }

    Mono<List<Open311Views.Service>> services(Locale locale) {
        return sorted.map(all -> {
            List<Open311Views.Service> services = new ArrayList<>();
            addGroup(services, null, locale);
            all.forEach(d -> addGroup(services, d, locale));
            return services;
        });
    }

    /** The service a code names, or empty. */
    Mono<Resolved> resolve(String serviceCode) {
        if (serviceCode == null) {
            return Mono.empty();
        }
        int dot = serviceCode.lastIndexOf('.');
        if (dot <= 0 || !KINDS.containsKey(serviceCode.substring(dot + 1))) {
            return Mono.empty();
        }
        String mailboxCode = serviceCode.substring(0, dot);
        String kind = serviceCode.substring(dot + 1);
        if (mailboxCode.equals(MAYOR)) {
            return Mono.just(new Resolved(serviceCode, null, kind));
        }
        return sorted.flatMapIterable(all -> all).filter(d -> d.code().equals(mailboxCode)).next()
                .map(d -> new Resolved(serviceCode, d, kind));
    }

    Open311Views.Definition definition(Resolved service) {
        List<Open311Views.Attribute> attributes = new ArrayList<>();
        attributes.add(new Open311Views.Attribute(true, "location_detail", "string", false,
                "Free text, at most 100 characters.", 1, "Where exactly: building, floor, landmark.", List.of()));
        attributes.add(new Open311Views.Attribute(true, "contact_preference", "singlevaluelist", false,
                "One of the listed keys.", 2, "How the citizen wants to be contacted about the reply.", CONTACT));
        if (service.kind().equals("complaint") || service.kind().equals("criticism")) {
            attributes.add(new Open311Views.Attribute(true, "respondent", "string", service.kind().equals("complaint"),
                    "Free text, at most 100 characters.", 3, "Who or which body the letter is about.", List.of()));
        }
        return new Open311Views.Definition(service.serviceCode(), attributes);
    }

    String name(Resolved service, Locale locale) {
        return mailboxName(service.department(), locale) + " · " + kindName(service.kind(), locale);
    }

    static String mailboxName(Department department, Locale locale) {
        if (department == null) {
            return english(locale) ? "Mayor's mailbox" : "市长信箱";
        }
        return department.name(locale);
    }

    /** What the mailbox promises: its deadlines in working days, from the mailbox's configuration. */
    String notice(String kind, Locale locale) {
        int reply = switch (kind) {
            case "consultation" -> mailbox.replyDays().consultation();
            case "help" -> mailbox.replyDays().help();
            case "suggestion" -> mailbox.replyDays().suggestion();
            case "criticism" -> mailbox.replyDays().criticism();
            default -> mailbox.replyDays().complaint();
        };
        return english(locale)
                ? "Accepted or declined within %d working days; answered within %d working days of dispatch.".formatted(mailbox.acceptDays(), reply)
                : "%d个工作日内决定是否受理；交办后%d个工作日内答复。".formatted(mailbox.acceptDays(), reply);
    }

    private void addGroup(List<Open311Views.Service> services, Department department, Locale locale) {
        String code = department == null ? MAYOR : department.code();
        for (String kind : ExternalLetters.kinds()) {
            Resolved service = new Resolved(code + "." + kind, department, kind);
            services.add(new Open311Views.Service(service.serviceCode(), name(service, locale), KINDS.get(kind)[2], true,
                    "realtime", kind + "," + KINDS.get(kind)[0] + "," + code, mailboxName(department, locale)));
        }
    }

    private static String kindName(String kind, Locale locale) {
        return KINDS.get(kind)[english(locale) ? 1 : 0];
    }

    static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
