package org.onestop.mygov.subscriptions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the subscription scanner runs.
 *
 * @param interval time between two scans on each node; zero or negative turns the scanner off
 *     (tests run scans themselves)
 * @param batch most items read from one source, and most digests made, in one scan
 */
@ConfigurationProperties("onestop.mygov.scan")
record ScanProperties(
        @DefaultValue("1m") Duration interval,
        @DefaultValue("500") int batch) {
}
