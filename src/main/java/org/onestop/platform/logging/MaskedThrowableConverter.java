package org.onestop.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * The {@code %wEx} of the log pattern, with personal data masked: exception messages quote values
 * (a unique-key violation names the duplicate ID number).
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return LogMasking.mask(super.throwableProxyToString(proxy));
    }
}
