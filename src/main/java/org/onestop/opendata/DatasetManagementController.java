package org.onestop.opendata;

import java.time.Clock;
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
 * The publishing department's side: its datasets with overdue alerts, publishing, editing and
 * recording updates. Reads are under /api/opendata/manage (GET is public in the chain, so the
 * service insists on a signed-in official).
 */
@RestController
class DatasetManagementController {

    private final DatasetManagement management;
    private final Clock clock;

    DatasetManagementController(DatasetManagement management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    record Owned(OpenDataViews.Summary dataset, boolean overdue) {
    }

    record UpdateNote(String summary) {
    }

    @GetMapping("/api/opendata/manage/datasets")
    Mono<List<Owned>> mine() {
        return PortalUser.required().flatMap(management::mine).map(list -> list.stream()
                .map(d -> new Owned(OpenDataViews.summary(d, Locale.CHINA), !QualityScore.onTime(d, clock.instant()))).toList());
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
