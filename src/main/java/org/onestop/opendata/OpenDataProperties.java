package org.onestop.opendata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Open data limits and timings.
 *
 * @param downloadsPerIp downloads one client address may start per window
 * @param apiCallsPerIp API calls (datastore, CKAN) one address may make per window without a key
 * @param window the time in which the per-address allowances refill completely
 * @param keyCallsPerMinute the default quota of a new API key, in calls per minute
 * @param countFlushInterval how often the download counters of this node are written to the database
 * @param overdueScanInterval time between two scans for datasets overdue for an update, on each node;
 *     zero or negative turns the scan off (tests run it themselves)
 */
@ConfigurationProperties("onestop.opendata")
public record OpenDataProperties(
        @DefaultValue("120") int downloadsPerIp,
        @DefaultValue("300") int apiCallsPerIp,
        @DefaultValue("1m") Duration window,
        @DefaultValue("600") int keyCallsPerMinute,
        @DefaultValue("5s") Duration countFlushInterval,
        @DefaultValue("1h") Duration overdueScanInterval) {
}
