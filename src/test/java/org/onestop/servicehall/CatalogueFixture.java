package org.onestop.servicehall;

import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Loads a generated catalogue of a chosen size for a test class. */
final class CatalogueFixture {

    private CatalogueFixture() {
    }

    static List<ServiceDraft> load(ApplicationContext app, int count) {
        List<ServiceDraft> drafts = CatalogueGenerator.generate(count);
        app.getBean(CatalogueLoader.class).load(drafts).block(Duration.ofMinutes(1));
        return drafts;
    }
}
