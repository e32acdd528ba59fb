package org.onestop.live;

import java.time.Duration;
import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Server-Sent Events: the same events as the WebSocket, one topic per stream, resumable with the
 * standard {@code Last-Event-ID} header (or {@code since}). A slow reader's stream is ended; its
 * browser reconnects with the last id it saw and loses nothing.
 */
@RestController
class LiveEventsController {

    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Joins joins;
    private final LiveProperties properties;
    private final Heartbeats heartbeats;

    LiveEventsController(Joins joins, LiveProperties properties, Heartbeats heartbeats) {
        this.joins = joins;
        this.properties = properties;
        this.heartbeats = heartbeats;
    }

    @GetMapping(value = "/api/live/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<Void> events(@RequestParam String topic, @RequestParam(required = false) Long since,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId, ServerWebExchange exchange) {
        Long resume = since;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                resume = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                return Mono.error(ProblemException.invalid("Last-Event-ID", "type"));
            }
        }
        if (resume != null && resume < 0 || topic.length() > 120) {
            return Mono.error(ProblemException.invalid(resume != null && resume < 0 ? "since" : "topic", "invalid"));
        }
        Long from = resume;
        return PortalUser.current().map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(user -> joins.authorise(topic, from, user.orElse(null)))
                .onErrorMap(JoinError.class, e -> problem(e, topic))
                .flatMap(policy -> stream(exchange.getResponse(), policy, topic, from));
    }

    private Mono<Void> stream(ServerHttpResponse response, TopicPolicy policy, String topic, Long since) {
        // On overflow the outbox completes, which ends the stream: the browser resumes with Last-Event-ID.
        Outbox outbox = new Outbox(properties.outboxCapacity(), () -> { });
        TopicSubscription subscription = new TopicSubscription(topic, outbox, true, null);
        response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
        response.getHeaders().setCacheControl("no-cache");
        // Proxies such as nginx would otherwise buffer the stream.
        response.getHeaders().set("X-Accel-Buffering", "no");
        Runnable stopBeating = heartbeats.register(() -> outbox.offer(KEEP_ALIVE));
        Flux<byte[]> frames = outbox.frames()
                .doOnSubscribe(s -> joins.start(policy, subscription, since, () -> { }, Frames::sseSnapshot)
                        .subscribe(null, e -> outbox.complete()))
                .doFinally(signal -> {
                    stopBeating.run();
                    outbox.complete();
                    joins.leave(subscription);
                });
        return response.writeAndFlushWith(frames.map(bytes -> Mono.<DataBuffer>just(response.bufferFactory().wrap(bytes))));
    }

    private static ProblemException problem(JoinError e, String topic) {
        return switch (e.code()) {
            case "unknown_topic" -> ProblemException.notFound("topic", topic);
            case "forbidden" -> ProblemException.forbidden();
            default -> new ProblemException(HttpStatus.BAD_REQUEST, "validation", List.of(),
                    List.of(org.onestop.web.FieldProblem.of("since", "bad_since")), null);
        };
    }

}
