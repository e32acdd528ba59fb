package org.onestop.disclosure.request;

import java.time.Instant;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import reactor.core.publisher.Mono;

/** Tells the applicant of each change of their request, inside the change's own write. */
final class RequestNotices {

    private RequestNotices() {
    }

    /** The page where the applicant follows the request. */
    static String link(long id) {
        return "/disclosure/request.html?id=" + id;
    }

    static Mono<Void> send(LivePublisher.Events events, long applicantId, long requestId, String status, String title,
            Instant now) {
        return new UserNotification("disclosure-request-" + requestId + "-" + status, "disclosure.request." + status, title,
                link(requestId), now).sendTo(applicantId, events).then();
    }
}
