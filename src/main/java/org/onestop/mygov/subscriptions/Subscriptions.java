package org.onestop.mygov.subscriptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.onestop.mygov.records.RecordType;
import org.onestop.web.FieldProblem;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A person managing their own subscriptions; every target is checked against what it names. */
@Service
class Subscriptions {

    static final int MAX_PER_PERSON = 100;
    static final int MAX_TARGET = 64;

    private final SubscriptionStore store;
    private final List<UpdateSource> sources;
    private final Clock clock;

    Subscriptions(SubscriptionStore store, List<UpdateSource> sources, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.clock = clock;
    }

    Flux<Subscription> mine(long userId) {
        return store.mine(userId);
    }

    /** Kinds that can be subscribed to now: records, and every kind some source reports on. */
    List<TargetKind> availableKinds() {
        List<TargetKind> kinds = new ArrayList<>();
        for (TargetKind kind : TargetKind.values()) {
            if (kind == TargetKind.RECORD || sources.stream().anyMatch(s -> s.kinds().contains(kind))) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    Mono<Subscription> create(long userId, SubscriptionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        TargetKind kind = request == null || blank(request.kind()) ? missing(problems, "kind")
                : TargetKind.of(request.kind()).orElseGet(() -> invalid(problems, "kind", "mygov.kind"));
        if (kind != null && !availableKinds().contains(kind)) {
            problems.add(FieldProblem.of("kind", "mygov.kind-unavailable"));
        }
        Frequency frequency = frequency(request == null ? null : request.frequency(), problems);
        String target = request == null || blank(request.target()) ? missing(problems, "target") : request.target().strip();
        if (target != null && target.length() > MAX_TARGET) {
            problems.add(FieldProblem.of("target", "size", 1, MAX_TARGET));
        }
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        return known(kind, target)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("target", "mygov.target")))
                .then(store.count(userId))
                .filter(count -> count < MAX_PER_PERSON)
                .switchIfEmpty(Mono.error(() -> ProblemException.invalid("target", "mygov.too-many", MAX_PER_PERSON)))
                .then(store.insert(userId, kind, target, frequency, clock.instant()))
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict("target", "mygov.duplicate")));
    }

    Mono<Subscription> changeFrequency(long userId, long id, SubscriptionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Frequency frequency = frequency(request == null ? null : request.frequency(), problems);
        if (!problems.isEmpty()) {
            return Mono.error(ProblemException.invalid(problems));
        }
        return store.updateFrequency(userId, id, frequency)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("subscription", id)));
    }

    Mono<Void> delete(long userId, long id) {
        return store.delete(userId, id)
                .filter(deleted -> deleted > 0)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("subscription", id)))
                .then();
    }

    private Mono<Boolean> known(TargetKind kind, String target) {
        if (kind == TargetKind.RECORD) {
            return Mono.just(RecordType.of(target).isPresent());
        }
        return Flux.fromIterable(sources)
                .filter(s -> s.kinds().contains(kind))
                .concatMap(s -> s.knows(kind, target))
                .any(Boolean::booleanValue);
    }

    private static Frequency frequency(String code, List<FieldProblem> problems) {
        return blank(code) ? missing(problems, "frequency")
                : Frequency.of(code).orElseGet(() -> invalid(problems, "frequency", "mygov.frequency"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> T missing(List<FieldProblem> problems, String field) {
        problems.add(FieldProblem.of(field, "required"));
        return null;
    }

    private static <T> T invalid(List<FieldProblem> problems, String field, String code) {
        problems.add(FieldProblem.of(field, code));
        return null;
    }
}
