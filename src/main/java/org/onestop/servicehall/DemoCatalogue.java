package org.onestop.servicehall;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The demo service catalogue: {@code onestop.servicehall.demo-services} generated services,
 * stored at start-up when the catalogue is empty. Runs after the demo accounts, like the other demos.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
@Order(2)
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final CatalogueLoader loader;
    private final Catalogue catalogue;
    private final ServiceHallProperties properties;

    DemoCatalogue(CatalogueLoader loader, Catalogue catalogue, ServiceHallProperties properties) {
        this.loader = loader;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Mono<Void> seed = catalogue.size().filter(size -> size == 0)
                .flatMap(empty -> {
                    List<ServiceDraft> drafts = CatalogueGenerator.generate(properties.demoServices());
                    return loader.load(drafts);
                })
                .doOnNext(stored -> log.info("Demo service catalogue created: {} services", stored))
                .then();
        // Start-up only: the hall should not open before its catalogue is there.
        seed.block(Duration.ofMinutes(2));
    }
}
