package org.onestop.inquiry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live inquiry limits.
 *
 * @param questionsPerMinute questions one user may submit per minute, across sessions
 * @param questionsPerSession questions one user may submit to one session
 * @param intakeBatch most questions one node stores in one transaction
 * @param intakeQueue most admitted questions waiting on one node to be stored; beyond it new ones
 *     are refused with 503 rather than queued
 */
@ConfigurationProperties("onestop.inquiry")
public record InquiryProperties(
        @DefaultValue("3") int questionsPerMinute,
        @DefaultValue("20") int questionsPerSession,
        @DefaultValue("200") int intakeBatch,
        @DefaultValue("5000") int intakeQueue) {
}
