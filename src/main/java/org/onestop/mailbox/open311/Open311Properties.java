package org.onestop.mailbox.open311;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Open311 API's limits and answers.
 *
 * @param maxRequests the most service requests one GET requests answer holds (the spec's 1,000)
 * @param defaultWindow how far back GET requests looks when no start_date is given (the spec's 90 days)
 * @param answerWithToken whether POST answers with a token (resolved through tokens/{token}) instead
 *     of the service_request_id; for clients written against servers that queue requests
 */
@ConfigurationProperties("onestop.open311")
public record Open311Properties(
        @DefaultValue("1000") int maxRequests,
        @DefaultValue("90d") Duration defaultWindow,
        @DefaultValue("false") boolean answerWithToken) {
}
