package org.onestop.servicehall;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service hall settings.
 *
 * @param baseIri the public address of the portal, ending in "/", under which the CPSV-AP export
 *     names services, departments and vocabulary; unset, the address the request came to is used,
 *     which suits a demo but gives different names behind different host names
 * @param demoServices how many services the demo catalogue generates when the catalogue is empty
 */
@ConfigurationProperties("onestop.servicehall")
public record ServiceHallProperties(URI baseIri, @DefaultValue("2400") int demoServices) {
}
