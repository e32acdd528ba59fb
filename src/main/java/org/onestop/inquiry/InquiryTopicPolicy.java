package org.onestop.inquiry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onestop.live.EventLog;
import org.onestop.live.TopicHub;
import org.onestop.live.TopicPolicy;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inquiry topics: {@code inquiry:{id}} is public for every published session (scheduled, live
 * or ended); {@code inquiry:{id}:moderation} is for the session's moderators and officials.
 */
@Component
class InquiryTopicPolicy implements TopicPolicy {

    private static final Pattern TOPIC = Pattern.compile("inquiry:([1-9][0-9]{0,17})(:moderation)?");

    private final SessionStore sessions;
    private final Sessions sessionViews;
    private final QuestionStore questions;
    private final SessionRoles roles;
    private final EventLog log;
    private final TopicHub hub;
    private final JsonMapper json;
    private final TransactionalOperator snapshotTx;

    InquiryTopicPolicy(SessionStore sessions, Sessions sessionViews, QuestionStore questions, SessionRoles roles,
            EventLog log, TopicHub hub, JsonMapper json, ReactiveTransactionManager transactions) {
        this.sessions = sessions;
        this.sessionViews = sessionViews;
        this.questions = questions;
        this.roles = roles;
        this.log = log;
        this.hub = hub;
        this.json = json;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        // The snapshot and the seq it is valid for must come from one view of the database.
        definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        definition.setReadOnly(true);
        this.snapshotTx = TransactionalOperator.create(transactions, definition);
    }

    @Override
    public boolean owns(String topic) {
        return topic.startsWith("inquiry:");
    }

    @Override
    public Mono<Access> access(String topic, PortalUser user) {
        Matcher m = TOPIC.matcher(topic);
        if (!m.matches()) {
            return Mono.just(Access.UNKNOWN);
        }
        long id = Long.parseLong(m.group(1));
        boolean moderation = m.group(2) != null;
        return sessions.find(id)
                .flatMap(session -> !moderation ? Mono.just(Access.ALLOWED)
                        : roles.isStaff(id, user).map(staff -> staff ? Access.ALLOWED : Access.FORBIDDEN))
                .defaultIfEmpty(Access.UNKNOWN);
    }

    @Override
    public Mono<Void> joined(String topic, PortalUser user) {
        Matcher m = TOPIC.matcher(topic);
        return user == null || !m.matches() || m.group(2) != null ? Mono.empty()
                : sessions.recordViewer(Long.parseLong(m.group(1)), user.id());
    }

    @Override
    public Mono<Snapshot> snapshot(String topic) {
        Matcher m = TOPIC.matcher(topic);
        if (!m.matches()) {
            return Mono.empty();
        }
        long id = Long.parseLong(m.group(1));
        Mono<Snapshot> read = m.group(2) != null
                ? log.latest(topic).flatMap(seq -> questions.bySession(id, Set.of("pending"))
                        .map(q -> new InquiryViews.Submitted(q.id(), q.text(), QuestionViews.asker(q), q.flags(), q.submittedAt()))
                        .collectList()
                        .map(pending -> new Snapshot(seq, json.writeValueAsString(Map.of("pending", pending)))))
                : log.latest(topic).flatMap(seq -> sessionViews.view(id)
                        .zipWith(questions.bySession(id, Set.of("approved")).collectList()
                                .flatMap(rows -> QuestionViews.publishedWithAnswers(questions, rows).collectList()))
                        .map(t -> new Snapshot(seq, json.writeValueAsString(
                                new InquiryViews.Snapshot(t.getT1(), t.getT2(), hub.viewers(topic))))));
        return read.as(snapshotTx::transactional);
    }

    @Override
    public boolean countsViewers(String topic) {
        return !topic.endsWith(":moderation");
    }

    @Override
    public Mono<Void> viewersObserved(String topic, long total) {
        Matcher m = TOPIC.matcher(topic);
        return m.matches() ? sessions.raisePeak(Long.parseLong(m.group(1)), total) : Mono.empty();
    }

    @Override
    public Mono<String> coalesced(String topic, String type, Set<String> keys) {
        Matcher m = TOPIC.matcher(topic);
        if (!type.equals("votes") || !m.matches()) {
            return Mono.empty();
        }
        long sessionId = Long.parseLong(m.group(1));
        List<Long> ids = keys.stream().filter(k -> k.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
        return questions.votesOf(ids)
                .filter(q -> q.sessionId() == sessionId)
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    rows.forEach(q -> counts.put(String.valueOf(q.id()), q.votes()));
                    return json.writeValueAsString(Map.of("counts", counts));
                });
    }
}
