package org.onestop.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling.
 *
 * @param failuresPerAccount attempts one account gets before it must wait
 * @param accountWindow time in which an account's attempts refill completely
 * @param failuresPerIp attempts one client address gets across all accounts
 * @param ipWindow time in which an address's attempts refill completely
 */
@ConfigurationProperties("onestop.login")
public record LoginProperties(
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("15m") Duration accountWindow,
        @DefaultValue("30") int failuresPerIp,
        @DefaultValue("15m") Duration ipWindow) {
}
