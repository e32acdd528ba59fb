package org.onestop.mailbox;

import java.time.Clock;
import java.time.Duration;
import org.onestop.account.Department;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The demo mailbox: a year of 40,000 generated letters (the city's real volume) across the
 * departments, so the public statistics and scorecard are meaningful. Loaded once, when no demo
 * letter exists; after the accounts (order 1), beside the other demo sets.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
@Order(4)
class DemoMailbox implements ApplicationRunner {

    static final int LETTERS = 40_000;
    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);

    private final DemoLetterLoader loader;
    private final MailboxDepartments departments;
    private final WorkingDays workingDays;
    private final MailboxProperties properties;
    private final Tracking tracking;
    private final Clock clock;

    DemoMailbox(DemoLetterLoader loader, MailboxDepartments departments, WorkingDays workingDays, MailboxProperties properties,
            Tracking tracking, Clock clock) {
        this.loader = loader;
        this.departments = departments;
        this.workingDays = workingDays;
        this.properties = properties;
        this.tracking = tracking;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Mono<Void> seed = loader.loaded().filter(loaded -> !loaded)
                .flatMap(none -> Mono.zip(departments.sorted(), workingDays.calendar(), tracking.hash("DEMO2026")))
                .flatMap(t -> Mono.fromCallable(() -> DemoLetters.generate(LETTERS, t.getT1().stream().map(Department::id).toList(),
                                CityTime.today(clock).minusDays(1), t.getT2(), properties))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(letters -> loader.load(letters, t.getT3())))
                .doOnSuccess(v -> log.info("Demo mailbox loaded in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis()));
        // Start-up only: statistics should not be served from a half-loaded year.
        seed.block(Duration.ofMinutes(2));
    }
}
