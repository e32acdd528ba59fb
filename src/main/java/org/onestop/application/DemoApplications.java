package org.onestop.application;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the demo applications' load ({@link DemoApplicationLoader}) when demo data is on. It
 * needs the demo accounts (order 1) and the demo catalogue (order 2), so it runs after them, and
 * after the other demo sets.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
@Order(5)
class DemoApplications implements ApplicationRunner {

    private final DemoApplicationLoader loader;

    DemoApplications(DemoApplicationLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Start-up only: "my applications" and the review workbench should not open half-filled.
        loader.load().block(Duration.ofMinutes(2));
    }
}
