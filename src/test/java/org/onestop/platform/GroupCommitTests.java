package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class GroupCommitTests {

    /** Records each batch and lets the test decide when the first one finishes. */
    private static final class Writer {
        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        final Sinks.Empty<Void> firstDone = Sinks.empty();
        final AtomicInteger calls = new AtomicInteger();

        Mono<List<String>> write(List<Integer> items) {
            batches.add(items);
            Mono<Void> gate = calls.getAndIncrement() == 0 ? firstDone.asMono() : Mono.empty();
            return gate.then(Mono.fromSupplier(() -> items.stream().map(i -> "stored " + i).toList()));
        }
    }

    @Test
    void requestsArrivingDuringAWriteGoTogetherIntoTheNextBatch() {
        Writer writer = new Writer();
        GroupCommit<Integer, String> commit = new GroupCommit<>(100, 1000, writer::write, IllegalStateException::new);
        List<Mono<String>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(commit.submit(i).cache());
            results.getLast().subscribe();
        }
        assertThat(writer.batches).as("only the first request is being written").hasSize(1);
        assertThat(writer.batches.getFirst()).containsExactly(0);

        writer.firstDone.tryEmitEmpty();

        assertThat(writer.batches).hasSize(2);
        assertThat(writer.batches.get(1)).hasSize(49).startsWith(1, 2, 3).endsWith(49);
        for (int i = 0; i < 50; i++) {
            assertThat(results.get(i).block(Duration.ofSeconds(1))).as("each requester gets its own result").isEqualTo("stored " + i);
        }
    }

    @Test
    void aBatchNeverExceedsItsLimit() {
        Writer writer = new Writer();
        GroupCommit<Integer, String> commit = new GroupCommit<>(10, 1000, writer::write, IllegalStateException::new);
        Flux<String> all = Flux.range(0, 35).flatMap(i -> commit.submit(i).cache()).cache();
        all.subscribe();
        writer.firstDone.tryEmitEmpty();
        StepVerifier.create(all.collectList()).assertNext(list -> assertThat(list).hasSize(35)).verifyComplete();
        assertThat(writer.batches).extracting(List::size).containsExactly(1, 10, 10, 10, 4);
    }

    @Test
    void aFailedBatchFailsEachOfItsRequestsAndTheNextBatchStillRuns() {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        Sinks.Empty<Void> gate = Sinks.empty();
        GroupCommit<Integer, String> commit = new GroupCommit<>(100, 1000, items -> {
            batches.add(items);
            return batches.size() == 1 ? gate.asMono().then(Mono.error(new IllegalArgumentException("rolled back")))
                    : Mono.just(items.stream().map(String::valueOf).toList());
        }, IllegalStateException::new);
        Mono<String> first = commit.submit(1).cache();
        first.subscribe(v -> { }, e -> { });
        Mono<String> second = commit.submit(2).cache();
        Mono<String> third = commit.submit(3).cache();
        second.subscribe(v -> { }, e -> { });
        third.subscribe(v -> { }, e -> { });

        gate.tryEmitEmpty();

        StepVerifier.create(first).expectErrorMessage("rolled back").verify(Duration.ofSeconds(1));
        StepVerifier.create(second).expectNext("2").verifyComplete();
        StepVerifier.create(third).expectNext("3").verifyComplete();
        assertThat(batches).containsExactly(List.of(1), List.of(2, 3));
    }

    @Test
    void aFullQueueRefusesNewRequestsAtOnce() {
        Writer writer = new Writer();
        GroupCommit<Integer, String> commit = new GroupCommit<>(2, 3, writer::write, () -> new IllegalStateException("busy"));
        // The first is taken out of the queue into the (blocked) batch; three more fill the queue.
        for (int i = 0; i < 4; i++) {
            commit.submit(i).subscribe();
        }
        StepVerifier.create(commit.submit(99)).expectErrorMessage("busy").verify(Duration.ofSeconds(1));
        writer.firstDone.tryEmitEmpty();
        StepVerifier.create(commit.submit(5)).expectNext("stored 5").verifyComplete();
        assertThat(writer.batches).extracting(List::size).containsExactly(1, 2, 1, 1);
    }

    @Test
    void aWriterReturningTheWrongNumberOfResultsFailsTheBatchInsteadOfMisrouting() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(10, 10, items -> Mono.just(List.of("only one")),
                IllegalStateException::new);
        StepVerifier.create(commit.submit(1)).expectNext("only one").verifyComplete();
        Sinks.Empty<Void> never = Sinks.empty();
        GroupCommit<Integer, String> blocked = new GroupCommit<>(10, 10, items -> items.size() == 1 && items.getFirst() == 0
                ? never.asMono().then(Mono.just(List.of("x"))) : Mono.just(List.of("only one")), IllegalStateException::new);
        blocked.submit(0).subscribe();
        Mono<String> a = blocked.submit(1).cache();
        Mono<String> b = blocked.submit(2).cache();
        a.subscribe(v -> { }, e -> { });
        b.subscribe(v -> { }, e -> { });
        never.tryEmitEmpty();
        StepVerifier.create(a).expectError(IllegalStateException.class).verify(Duration.ofSeconds(1));
        StepVerifier.create(b).expectError(IllegalStateException.class).verify(Duration.ofSeconds(1));
    }
}
