package org.onestop.live;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * {@code notification} on a user's topic (live-protocol.md): {@code {id, kind, title, link, createdAt}}.
 * Every feature that tells a person something (a case number, an application's new status, a
 * digest) sends it through here, inside the same write as the change it reports, so the
 * notification is durable in the event log exactly when the change is committed.
 */
public record UserNotification(String id, String kind, String title, String link, Instant createdAt) {

    public static final String EVENT_TYPE = "notification";

    /** Appends this notification to {@code user:{userId}} within the caller's write. */
    public Mono<LiveEvent> sendTo(long userId, LivePublisher.Events events) {
        return events.append(UserTopicPolicy.topicOf(userId), EVENT_TYPE, this);
    }
}
