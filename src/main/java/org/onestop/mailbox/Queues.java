package org.onestop.mailbox;

import java.time.Clock;
import java.util.Map;
import org.onestop.platform.CityTime;
import org.onestop.security.PortalUser;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The staff's lists and supervision: each user's queue (clerks: triage and dispatch; officials:
 * their department's cases), the escalation list of overdue cases for supervisors, and
 * supervision notices, which the case's departments see in their queues.
 */
@Service
class Queues {

    private final QueueStore store;
    private final CaseViews views;
    private final CaseSteps steps;
    private final Clock clock;

    Queues(QueueStore store, CaseViews views, CaseSteps steps, Clock clock) {
        this.store = store;
        this.views = views;
        this.steps = steps;
        this.clock = clock;
    }

    /** The user's queue sorted by due date (no clock last), flagged nearly due and overdue. */
    Mono<PageResponse<MailboxViews.QueueItem>> queue(PortalUser user, PageQuery page) {
        boolean clerk = CaseAccess.isClerk(user);
        Long department = CaseAccess.department(user);
        if (!clerk && department == null) {
            return Mono.error(ProblemException.forbidden());
        }
        long d = department == null ? -1 : department;
        return store.queue(clerk, d, page.offset(), page.size()).collectList()
                .flatMap(rows -> views.queue(rows, l -> assignment(l, clerk, department)))
                .zipWith(store.countQueue(clerk, d), (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
    }

    private static String assignment(Letter l, boolean clerk, Long department) {
        if (l.status() == Status.RECEIVED) {
            return "triage";
        }
        if (l.status() == Status.ACCEPTED) {
            return "dispatch";
        }
        return department != null && department.equals(l.leadDepartmentId()) ? "lead" : "co";
    }

    /**
     * Open cases past their due date, across departments: the escalation list of supervisors and
     * admins, of every channel or one (petitions run on their own statutory clock).
     */
    Mono<PageResponse<MailboxViews.QueueItem>> overdue(PortalUser user, String rawChannel, PageQuery page) {
        if (!CaseAccess.isSupervisor(user)) {
            return Mono.error(ProblemException.forbidden());
        }
        Channel channel = rawChannel == null || rawChannel.isBlank() ? null : Channel.fromCode(rawChannel.strip());
        if (channel == null && rawChannel != null && !rawChannel.isBlank()) {
            return Mono.error(ProblemException.invalid("channel", "unknown_channel"));
        }
        var today = CityTime.today(clock);
        return store.overdue(today, channel, page.offset(), page.size()).collectList()
                .flatMap(rows -> views.queue(rows, l -> "overdue"))
                .zipWith(store.countOverdue(today, channel), (items, total) -> new PageResponse<>(items, page.page(), page.size(), total));
    }

    /** Records a supervision notice (督办) on an open case: internal, audited, shown in the departments' queues. */
    Mono<Letter> supervise(long id, String rawText, PortalUser user) {
        return Mono.defer(() -> {
            if (!CaseAccess.isSupervisor(user)) {
                throw ProblemException.forbidden();
            }
            String text = MailboxText.required("text", rawText, 1000, true);
            return steps.run(id, user, "mailbox.letter.supervised", Map.of("text", text), c -> {
                CaseAccess.require(c.letter(), c.cohandlers(), user, CaseAction.SUPERVISE);
                return steps.internalEntry(c, "supervised", text, null, user);
            });
        });
    }
}
