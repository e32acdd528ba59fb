package org.onestop.opendata.requests;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Dataset requests. The public list shows what was asked and answered (no requester); signed-in
 * users submit and see their own; officials see and answer their department's.
 */
@RestController
class DataRequestController {

    private final DataRequests requests;

    DataRequestController(DataRequests requests) {
        this.requests = requests;
    }

    record NewRequest(@NotNull Long departmentId, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String description) {
    }

    record Answer(@NotNull @Pattern(regexp = "fulfilled|declined") String status, @Size(max = 2000) String answer,
            @Size(max = 100) String dataset) {
    }

    record View(long id, long departmentId, String department, String title, String description, String status, String answer,
            String dataset, Instant createdAt, Instant answeredAt) {
        static View of(DataRequest r) {
            return new View(r.id(), r.departmentId(), r.departmentName(), r.title(), r.description(), r.status(), r.answer(),
                    r.datasetName(), r.createdAt(), r.answeredAt());
        }
    }

    @GetMapping("/api/opendata/requests")
    Mono<List<View>> recent() {
        return requests.recent().map(View::of).collectList();
    }

    @PostMapping("/api/opendata/requests")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<View> submit(@Valid @RequestBody NewRequest body) {
        return PortalUser.required().flatMap(u -> requests.submit(u, body)).map(View::of);
    }

    @GetMapping("/api/opendata/requests/mine")
    Mono<List<View>> mine() {
        return PortalUser.required().flatMapMany(requests::mine).map(View::of).collectList();
    }

    @GetMapping("/api/opendata/requests/inbox")
    Mono<List<View>> inbox() {
        return PortalUser.required().flatMapMany(requests::inbox).map(View::of).collectList();
    }

    @PostMapping("/api/opendata/requests/{id}/answer")
    Mono<View> answer(@PathVariable long id, @Valid @RequestBody Answer body) {
        return PortalUser.required().flatMap(u -> requests.answer(u, id, body)).map(View::of);
    }

}
