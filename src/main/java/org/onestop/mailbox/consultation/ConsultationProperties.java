package org.onestop.mailbox.consultation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Opinion solicitation limits.
 *
 * @param commentsPerDay comments one user may submit to one consultation per day; the rest wait
 *     for the next day, so one person cannot flood a consultation or its moderators
 * @param maxAttachments files one consultation may carry in all (the draft, its annexes, images)
 * @param maxAttachmentSize the largest file a consultation may carry
 */
@ConfigurationProperties("onestop.consultation")
public record ConsultationProperties(@DefaultValue("5") int commentsPerDay, @DefaultValue("10") int maxAttachments,
        @DefaultValue("10MB") DataSize maxAttachmentSize) {
}
