package org.onestop.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.onestop.account.AccountDirectory;
import org.onestop.live.LivePublisher;
import org.onestop.live.UserNotification;
import org.onestop.platform.AuditTrail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells the publishing department that a dataset is overdue for an update: in one write, the
 * lapse is recorded, each enabled official of the department gets a notification on their own
 * topic, and the audit trail notes the system's act. A lapse already recorded tells nobody.
 */
@Component
class OverdueAlerts {

    static final String KIND = "opendata.overdue";
    static final String LINK = "/opendata/manage.html";
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final OverdueAlertStore store;
    private final AccountDirectory accounts;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;

    OverdueAlerts(OverdueAlertStore store, AccountDirectory accounts, LivePublisher live, AuditTrail audit, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    /** Alerts the department of this overdue dataset unless its current lapse was alerted; true when it did. */
    Mono<Boolean> alert(Dataset d) {
        Instant due = QualityScore.dueAt(d);
        if (due == null) {
            return Mono.just(false);
        }
        return accounts.officialsOf(d.publisher().id()).collectList()
                .flatMap(officials -> live.write(events -> {
                    Instant now = clock.instant();
                    return store.insert(d, due, now, officials.size())
                            .flatMap(recorded -> recorded
                                    ? tell(d, due, now, officials, events).thenReturn(true)
                                    : Mono.just(false));
                }));
    }

    private Mono<Void> tell(Dataset d, Instant due, Instant now, List<Long> officials, LivePublisher.Events events) {
        // One id per lapse: a person's notification centre can tell two lapses of one dataset apart.
        String id = "opendata-overdue-" + d.id() + "-" + due.truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
        var notice = new UserNotification(id, KIND, title(d, due), LINK, now);
        return Flux.fromIterable(officials).concatMap(official -> notice.sendTo(official, events))
                .then(audit.record(null, "opendata.overdue.alerted", "opendata_dataset", d.id(),
                        Map.of("name", d.name(), "dueAt", due.toString(), "recipients", officials.size())));
    }

    /** The notification text, naming the city day on which the dataset fell due. */
    static String title(Dataset d, Instant due) {
        String day = due.atZone(CITY).format(DAY);
        return "数据集《" + d.title() + "》已超过更新期限（应于 " + day + " 前更新），请及时更新数据。";
    }
}
