package org.onestop.servicehall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/** Catalogue data for other features' tests: a few chosen services of the demo catalogue, and its default forms. */
public final class ServiceHallTestData {

    /** A loaded service: its code, Chinese name, department code, audience and promised days. */
    public record Loaded(String code, String nameZh, String departmentCode, String audience, int promisedDays) {
    }

    private ServiceHallTestData() {
    }

    /**
     * Loads the city-level school-transfer services (EDU), the first three HRSS services for citizens,
     * and the first enterprise-only and the first "both" services of MARKET-like departments.
     */
    public static List<Loaded> load(ApplicationContext app) {
        List<ServiceDraft> all = CatalogueGenerator.generate(2400);
        List<ServiceDraft> chosen = new ArrayList<>();
        all.stream().filter(d -> FormDefinitions.SCHOOL_TRANSFER.contains(d.nameZh()) && d.areaCode().equals("370200"))
                .forEach(chosen::add);
        all.stream().filter(d -> d.departmentCode().equals("HRSS") && d.audience().equals("citizen")).limit(3)
                .forEach(chosen::add);
        all.stream().filter(d -> d.audience().equals("enterprise")).limit(2).forEach(chosen::add);
        all.stream().filter(d -> d.audience().equals("both")).limit(1).forEach(chosen::add);
        app.getBean(CatalogueLoader.class).load(chosen).block(Duration.ofMinutes(1));
        return chosen.stream().map(d -> new Loaded(d.code(), d.nameZh(), d.departmentCode(), d.audience(), d.promisedDays()))
                .toList();
    }

    /** The default form of every service of the full demo catalogue, as the service hall builds it. */
    public static List<Map<String, Object>> defaultForms() {
        return CatalogueGenerator.generate(10_000).stream().map(d -> FormDefinitions.of(facts(d))).toList();
    }

    static ServiceFacts facts(ServiceDraft d) {
        return new ServiceFacts(d.code(), d.nameZh(), d.nameEn(), 0, "", "", d.audience(), d.promisedDays(), d.fullyOnline(),
                d.resultName(), d.materials().stream()
                        .map(m -> new ServiceFacts.MaterialFact(m.key(), m.name(), m.required())).toList());
    }
}
