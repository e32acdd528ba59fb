package org.onestop.inquiry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live inquiry limits.
 *
 * @param questionsPerMinute questions one user may submit per minute, across sessions
 * @param questionsPerSession questions one user may submit to one session
 */
@ConfigurationProperties("onestop.inquiry")
public record InquiryProperties(
        @DefaultValue("3") int questionsPerMinute,
        @DefaultValue("20") int questionsPerSession) {
}
