package org.onestop.application;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onestop.platform.AuditTrail;
import org.onestop.security.PortalUser;
import org.onestop.servicehall.ServiceDirectory;
import org.onestop.servicehall.ServiceFacts;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form definitions by service and version. A service nobody has edited yet has the service hall's
 * default form as version 1; it is stored the first time an application needs it, so that the
 * application can name it. Versions never change, so parsed ones are kept in memory.
 */
@Service
class Forms {

    private static final int CACHE_LIMIT = 10_000;

    /** One version of a service's form: the JSON the browser renders and the parsed rules the server checks. */
    record Form(String serviceCode, int version, JsonNode json, FormDefinition definition) {
    }

    private final FormStore store;
    private final ServiceDirectory services;
    private final AuditTrail audit;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Form> parsed = new ConcurrentHashMap<>();

    Forms(FormStore store, ServiceDirectory services, AuditTrail audit, TransactionalOperator tx, JsonMapper json,
            Clock clock) {
        this.store = store;
        this.services = services;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    Mono<ServiceFacts> service(String code) {
        return services.find(code).switchIfEmpty(Mono.error(() -> ProblemException.notFound("service", code)));
    }

    /** The current version: the latest stored, or the default form as an unstored version 1. */
    Mono<Form> current(ServiceFacts service) {
        return store.latest(service.code()).map(this::form)
                .switchIfEmpty(Mono.fromSupplier(() -> form(service.code(), 1, json.valueToTree(services.defaultForm(service)))));
    }

    /** The current version, stored first if it is still the unstored default; call inside the caller's transaction. */
    Mono<Form> pin(ServiceFacts service) {
        return current(service).flatMap(form -> form.version() == 1
                ? store.insertFirst(service.code(), json.writeValueAsString(form.json()), clock.instant())
                        .then(store.latest(service.code()).map(this::form))
                : Mono.just(form));
    }

    /** A stored version, as an application refers to it. */
    Mono<Form> version(String code, int version) {
        Form cached = parsed.get(code + "#" + version);
        return cached != null ? Mono.just(cached) : store.version(code, version).map(this::form);
    }

    /** Saves a new version after checking it; a definition with any problem stores nothing. */
    Mono<Form> save(String code, JsonNode definition, PortalUser admin) {
        FormDefinition checked = DefinitionParser.parse(definition);
        String text = json.writeValueAsString(definition);
        return service(code).flatMap(service -> pin(service)
                .then(store.insertNext(code, text, admin.id(), clock.instant()))
                .flatMap(version -> audit.record(admin.id(), "application.form.saved", "service_item", code,
                        Map.of("version", version, "fields", checked.fields().size()))
                        .thenReturn(remember(new Form(code, version, definition, checked))))
                .as(tx::transactional));
    }

    private Form form(FormStore.Stored stored) {
        Form cached = parsed.get(stored.serviceCode() + "#" + stored.version());
        return cached != null ? cached : form(stored.serviceCode(), stored.version(), json.readTree(stored.definition()));
    }

    private Form form(String code, int version, JsonNode definition) {
        return remember(new Form(code, version, definition, DefinitionParser.parse(definition)));
    }

    private Form remember(Form form) {
        if (parsed.size() > CACHE_LIMIT) {
            parsed.clear();
        }
        parsed.put(form.serviceCode() + "#" + form.version(), form);
        return form;
    }
}
