package org.onestop.live;

import java.util.regex.Pattern;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code user:{id}}: a user's private notifications; only that user may join. */
@Component
public class UserTopicPolicy implements TopicPolicy {

    private static final Pattern TOPIC = Pattern.compile("user:([1-9][0-9]{0,17})");
    private final EventLog log;

    UserTopicPolicy(EventLog log) {
        this.log = log;
    }

    /** The topic name of a user's notifications. */
    public static String topicOf(long userId) {
        return "user:" + userId;
    }

    @Override
    public boolean owns(String topic) {
        return topic.startsWith("user:");
    }

    @Override
    public Mono<Access> access(String topic, PortalUser user) {
        var matcher = TOPIC.matcher(topic);
        if (!matcher.matches()) {
            return Mono.just(Access.UNKNOWN);
        }
        return Mono.just(user != null && Long.parseLong(matcher.group(1)) == user.id() ? Access.ALLOWED : Access.FORBIDDEN);
    }

    @Override
    public Mono<Snapshot> snapshot(String topic) {
        return log.latest(topic).map(seq -> new Snapshot(seq, "{}"));
    }
}
