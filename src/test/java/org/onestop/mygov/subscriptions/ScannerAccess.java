package org.onestop.mygov.subscriptions;

import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** Lets tests of other packages (browser tests) run one subscription scan. */
public final class ScannerAccess {

    private ScannerAccess() {
    }

    public static void scan(ApplicationContext app) {
        app.getBean(SubscriptionScanner.class).scan().block(Duration.ofSeconds(30));
    }
}
