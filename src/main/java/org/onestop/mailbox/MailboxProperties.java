package org.onestop.mailbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mailbox's deadlines and limits. Deadlines are working days on the city's calendar, counted
 * from the day after a step starts (the day of receipt is not counted).
 *
 * @param acceptDays working days the triage office has to accept or refuse a received letter
 * @param dispatchDays working days the city office has to dispatch an accepted letter
 * @param replyDays working days the lead department has to reply, per kind of letter
 * @param nearlyDueDays a case with at most this many working days left is flagged nearly due
 * @param ratingWindow how long the writer may rate a reply (and reopen once); then the case closes
 * @param sweepInterval how often each node closes cases whose rating window ran out; zero turns
 *     the sweep off (cases still close when read)
 * @param maxAttachments files one letter may carry
 * @param maxAttachmentSize the largest file a letter may carry
 * @param trackFailuresPerNumber wrong query codes tried against one tracking number per window
 * @param trackFailuresPerIp wrong tracking number and code pairs tried from one address per window
 * @param trackWindow the window of both tracking limits
 */
@ConfigurationProperties("onestop.mailbox")
public record MailboxProperties(
        @DefaultValue("2") int acceptDays,
        @DefaultValue("1") int dispatchDays,
        @DefaultValue ReplyDays replyDays,
        @DefaultValue("2") int nearlyDueDays,
        @DefaultValue("15d") Duration ratingWindow,
        @DefaultValue("10m") Duration sweepInterval,
        @DefaultValue("5") int maxAttachments,
        @DefaultValue("5MB") DataSize maxAttachmentSize,
        @DefaultValue("5") int trackFailuresPerNumber,
        @DefaultValue("30") int trackFailuresPerIp,
        @DefaultValue("15m") Duration trackWindow) {

    /**
     * Working days to reply, by kind: a consultation asks for facts, help and complaints for
     * enquiries on the ground (15, as the issue suggests), a suggestion for study.
     */
    public record ReplyDays(
            @DefaultValue("10") int consultation,
            @DefaultValue("15") int help,
            @DefaultValue("20") int suggestion,
            @DefaultValue("15") int criticism,
            @DefaultValue("15") int complaint) {

        int of(LetterKind kind) {
            return switch (kind) {
                case CONSULTATION -> consultation;
                case HELP -> help;
                case SUGGESTION -> suggestion;
                case CRITICISM -> criticism;
                case COMPLAINT -> complaint;
            };
        }
    }
}
