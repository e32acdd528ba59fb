package org.onestop.live;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries events between nodes over Redis pub/sub, one channel per topic. A message is a header
 * line and the already-encoded frame, so a receiving node forwards the bytes without re-encoding:
 * {@code "<seq> <type>\n<frame>"} for events, {@code "! <type>\n<key>"} for coalescing notices.
 * Pub/sub may lose messages; the event log, not Redis, is the source of truth.
 */
@Component
class RedisRelay {

    private static final Logger log = LoggerFactory.getLogger(RedisRelay.class);
    private static final String PREFIX = "onestop:live:";

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listeners;

    RedisRelay(ReactiveStringRedisTemplate redis, ReactiveRedisConnectionFactory connections) {
        this.redis = redis;
        this.listeners = new ReactiveRedisMessageListenerContainer(connections);
    }

    /** A message received on a topic's channel. */
    record Message(String topic, boolean dirtyNotice, long seq, String type, byte[] body) {
    }

    Mono<Void> publish(String topic, EncodedEvent event) {
        String header = event.seq() + " " + event.type() + "\n";
        return send(topic, header + new String(event.frame(), StandardCharsets.UTF_8));
    }

    Mono<Void> publishDirty(String topic, String type, String key) {
        return send(topic, "! " + type + "\n" + key);
    }

    private Mono<Void> send(String topic, String payload) {
        return redis.convertAndSend(PREFIX + topic, payload)
                .doOnError(e -> log.warn("Redis publish on {} failed; other nodes will catch up from the log: {}", topic, e.toString()))
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    /** The topic's messages; the returned Mono completes once the subscription is active. */
    Mono<Flux<Message>> subscribe(String topic) {
        return listeners.receiveLater(ChannelTopic.of(PREFIX + topic))
                .map(flux -> flux.map(m -> parse(topic, m.getMessage())));
    }

    private static Message parse(String topic, String payload) {
        int newline = payload.indexOf('\n');
        String header = payload.substring(0, newline);
        int space = header.indexOf(' ');
        String first = header.substring(0, space);
        String type = header.substring(space + 1);
        byte[] body = payload.substring(newline + 1).getBytes(StandardCharsets.UTF_8);
        return first.equals("!") ? new Message(topic, true, 0, type, body)
                : new Message(topic, false, Long.parseLong(first), type, body);
    }
}
