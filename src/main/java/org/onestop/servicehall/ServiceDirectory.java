package org.onestop.servicehall;

import java.util.List;
import java.util.Map;
import org.onestop.servicehall.ServiceDraft.Material;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The service hall's public face for other features: one service's facts and its default application form. */
@Service
public class ServiceDirectory {

    private final CatalogueStore store;
    private final JsonMapper json;

    ServiceDirectory(CatalogueStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The service with this code, or empty. */
    public Mono<ServiceFacts> find(String code) {
        return store.find(code).map(this::facts);
    }

    /** The form a service starts with before anyone edits it (see {@link FormDefinitions}). */
    public Map<String, Object> defaultForm(ServiceFacts service) {
        return FormDefinitions.of(service);
    }

    private ServiceFacts facts(CatalogueStore.Full full) {
        CatalogueStore.Summary s = full.summary();
        List<Material> materials = json.readValue(full.materials(), new TypeReference<List<Material>>() { });
        return new ServiceFacts(s.code(), s.nameZh(), s.nameEn(), s.departmentId(), s.departmentZh(), s.departmentEn(),
                s.audience(), s.promisedDays(), s.fullyOnline(), full.resultName(),
                materials.stream().map(m -> new ServiceFacts.MaterialFact(m.key(), m.name(), m.required())).toList());
    }
}
