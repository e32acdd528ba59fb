package org.onestop.mailbox.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Opinion solicitation limits.
 *
 * @param commentsPerDay comments one user may submit to one consultation per day; the rest wait
 *     for the next day, so one person cannot flood a consultation or its moderators
 */
@ConfigurationProperties("onestop.consultation")
public record ConsultationProperties(@DefaultValue("5") int commentsPerDay) {
}
