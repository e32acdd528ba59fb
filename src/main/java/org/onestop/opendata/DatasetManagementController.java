package org.onestop.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The publishing department's side: its datasets with when they fall due and when the department
 * was last alerted of a lapse (see {@link OverdueScanner}), publishing, editing and
 * recording updates. Reads are under /api/opendata/manage (GET is public in the chain, so the
 * service insists on a signed-in official).
 */
@RestController
class DatasetManagementController {

    private final DatasetManagement management;
    private final OverdueAlertStore alerts;
    private final Clock clock;

    DatasetManagementController(DatasetManagement management, OverdueAlertStore alerts, Clock clock) {
        this.management = management;
        this.alerts = alerts;
        this.clock = clock;
    }

    /**
     * One of the department's datasets: whether it is overdue, when it is or was due (null when no
     * frequency is promised) and when the department was alerted of the current lapse (or null).
     */
    record Owned(OpenDataViews.Summary dataset, boolean overdue, Instant dueAt, Instant alertedAt) {
    }

    record UpdateNote(String summary) {
    }

    @GetMapping("/api/opendata/manage/datasets")
    Mono<List<Owned>> mine() {
        return PortalUser.required().flatMap(management::mine).flatMap(list -> alerts.latest(list.stream().map(Dataset::id).toList())
                .map(latest -> {
                    Instant now = clock.instant();
                    return list.stream().map(d -> owned(d, latest.get(d.id()), now)).toList();
                }));
    }

    private static Owned owned(Dataset d, OverdueAlertStore.Latest alert, Instant now) {
        Instant due = QualityScore.dueAt(d);
        // An alert of an earlier lapse says nothing about the current one.
        Instant alertedAt = alert != null && due != null && alert.dueAt().equals(due.truncatedTo(ChronoUnit.MICROS))
                ? alert.alertedAt() : null;
        return new Owned(OpenDataViews.summary(d, Locale.CHINA), !QualityScore.onTime(d, now), due, alertedAt);
    }

    @PostMapping("/api/opendata/manage/datasets")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OpenDataViews.Summary> publish(@RequestBody DatasetManagement.Metadata body) {
        return PortalUser.required().flatMap(u -> management.publish(u, body)).map(d -> OpenDataViews.summary(d, Locale.CHINA));
    }

    @PutMapping("/api/opendata/manage/datasets/{name}")
    Mono<OpenDataViews.Summary> edit(@PathVariable String name, @RequestBody DatasetManagement.Metadata body) {
        return PortalUser.required().flatMap(u -> management.edit(u, name, body)).map(d -> OpenDataViews.summary(d, Locale.CHINA));
    }

    @PostMapping("/api/opendata/manage/datasets/{name}/updates")
    Mono<OpenDataViews.Summary> update(@PathVariable String name, @RequestBody UpdateNote body) {
        return PortalUser.required().flatMap(u -> management.recordUpdate(u, name, body.summary())).map(d -> OpenDataViews.summary(d, Locale.CHINA));
    }

}
