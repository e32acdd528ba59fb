package org.onestop.application;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.onestop.account.AccountDirectory;
import org.onestop.platform.CityTime;
import org.onestop.security.PortalUser;
import org.onestop.servicehall.ServiceDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple3;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo applications of 张三 (demo account {@code citizen}), one in each state a page shows: a
 * draft, one awaiting acceptance, one waiting for 补正, one approved with its result issued and one
 * rejected, on services of the departments of {@code official} (HRSS) and {@code education_official}
 * (EDU), who act on them. Everything goes through the services the HTTP API uses, so numbers,
 * due dates, timelines, audit entries, notifications and stored files are what real use makes.
 *
 * <p>Loaded only while 张三 has no application at all. Nodes starting together take turns on an
 * advisory lock held for the whole load, so the second finds the first one's applications and adds none.
 */
@Component
class DemoApplicationLoader {

    static final String APPLICANT = "citizen";
    static final String HRSS_OFFICIAL = "official";
    static final String EDU_OFFICIAL = "education_official";
    private static final Logger log = LoggerFactory.getLogger(DemoApplicationLoader.class);

    private final Applications applications;
    private final MaterialUploads uploads;
    private final Reviews reviews;
    private final ApplicationStore store;
    private final AccountDirectory accounts;
    private final ServiceDirectory services;
    private final ConnectionFactory connections;
    private final JsonMapper json;
    private final Clock clock;

    DemoApplicationLoader(Applications applications, MaterialUploads uploads, Reviews reviews, ApplicationStore store,
            AccountDirectory accounts, ServiceDirectory services, ConnectionFactory connections, JsonMapper json, Clock clock) {
        this.applications = applications;
        this.uploads = uploads;
        this.reviews = reviews;
        this.store = store;
        this.accounts = accounts;
        this.services = services;
        this.connections = connections;
        this.json = json;
        this.clock = clock;
    }

    /** Loads the demo applications unless they (or any of 张三's own) exist; the number created. */
    Mono<Integer> load() {
        return exclusively(Mono.zip(accounts.principal(APPLICANT), accounts.principal(HRSS_OFFICIAL), accounts.principal(EDU_OFFICIAL))
                .flatMap(people -> store.countMine(people.getT1().id(), null)
                        .flatMap(count -> count > 0 ? Mono.just(0) : servicesPresent()
                                .flatMap(present -> present ? seed(people) : Mono.just(0))))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.info("Demo applications skipped: the demo accounts {}, {} and {} are not all there",
                            APPLICANT, HRSS_OFFICIAL, EDU_OFFICIAL);
                    return 0;
                })));
    }

    private Mono<Boolean> servicesPresent() {
        return Flux.fromIterable(DemoApplicationData.SERVICES).concatMap(services::find).count()
                .map(found -> found == DemoApplicationData.SERVICES.size())
                .doOnNext(all -> {
                    if (!all) {
                        log.info("Demo applications skipped: the catalogue lacks some of {}", DemoApplicationData.SERVICES);
                    }
                });
    }

    /** Oldest first, so 张三's list (newest first) opens with the ones that need him. */
    private Mono<Integer> seed(Tuple3<PortalUser, PortalUser, PortalUser> people) {
        PortalUser zhang = people.getT1();
        PortalUser hrss = people.getT2();
        PortalUser edu = people.getT3();
        var transferOn = CityTime.today(clock).plusDays(14);
        Mono<Long> completed = submitted(zhang, DemoApplicationData.JUNIOR_TRANSFER,
                DemoApplicationData.juniorTransfer(transferOn), DemoApplicationData.transferMaterials("张小雨"))
                .flatMap(id -> reviews.accept(id, note("材料齐全，予以受理。"), edu)
                        .then(reviews.approve(id, note("符合转学条件，同意转入青岛第六十七中学。"), edu))
                        .then(reviews.issueResult(id, edu)).thenReturn(id));
        Mono<Long> rejected = submitted(zhang, DemoApplicationData.UNEMPLOYMENT_STOP, DemoApplicationData.applicant(true),
                DemoApplicationData.hrssMaterials("失业保险金停发申请表", "原失业保险金证件"))
                .flatMap(id -> reviews.reject(id, new ApplicationViews.ReviewRequest(null,
                        "经核查，申请人目前未领取失业保险金，无需办理停发。", null), hrss).thenReturn(id));
        Mono<Long> supplement = submitted(zhang, DemoApplicationData.UNEMPLOYMENT_BENEFIT, DemoApplicationData.applicant(true),
                DemoApplicationData.hrssMaterials("失业保险金申领申请表"))
                .flatMap(id -> reviews.accept(id, note("已受理，请留意补正通知。"), hrss)
                        .then(reviews.supplement(id, new ApplicationViews.ReviewRequest("居民身份证照片模糊，无法辨认证件号码。", null,
                                List.of(new ApplicationViews.Missing("material", "m2", "请上传清晰的居民身份证正反面照片"))), hrss))
                        .thenReturn(id));
        Mono<Long> waiting = submitted(zhang, DemoApplicationData.SENIOR_TRANSFER, DemoApplicationData.seniorTransfer(transferOn),
                DemoApplicationData.transferMaterials("张小明"));
        Mono<Long> draft = draft(zhang, DemoApplicationData.UNEMPLOYMENT_CHANGE, DemoApplicationData.applicant(false),
                DemoApplicationData.hrssMaterials("失业保险金待遇变更申请表").subList(0, 1));
        return Flux.concat(completed, rejected, supplement, waiting, draft).count().map(Long::intValue)
                .doOnNext(created -> log.info("Demo applications created: {}", created));
    }

    private Mono<Long> draft(PortalUser applicant, String service, Map<String, Object> data,
            List<DemoApplicationData.Upload> files) {
        return applications.create(new ApplicationViews.NewRequest(service, null), applicant).map(ApplicationViews.Detail::id)
                .flatMap(id -> applications.saveData(id, new ApplicationViews.DataRequest(json.valueToTree(data)), applicant)
                        .thenMany(Flux.fromIterable(files).concatMap(file -> uploads.upload(id, file.code(),
                                DemoFiles.upload(file.fileName(), file.bytes()), applicant)))
                        .then(Mono.just(id)));
    }

    private Mono<Long> submitted(PortalUser applicant, String service, Map<String, Object> data,
            List<DemoApplicationData.Upload> files) {
        return draft(applicant, service, data, files).flatMap(id -> applications.submit(id, applicant, false).thenReturn(id));
    }

    private static ApplicationViews.ReviewRequest note(String note) {
        return new ApplicationViews.ReviewRequest(note, null, null);
    }

    /**
     * Runs the load holding a transaction-scoped advisory lock on a connection of its own: the
     * load's writes commit one by one in their own transactions, as requests' do, while a second
     * node waits here until this one has finished.
     */
    private <T> Mono<T> exclusively(Mono<T> work) {
        return Mono.usingWhen(Mono.from(connections.create()),
                connection -> Mono.from(connection.beginTransaction())
                        .thenMany(Flux.from(connection.createStatement(
                                "SELECT pg_advisory_xact_lock(hashtext('onestop:demo-applications'))").execute())
                                .concatMap(result -> result.map((row, meta) -> 1)))
                        .then(work),
                DemoApplicationLoader::release, (connection, error) -> release(connection), DemoApplicationLoader::release);
    }

    /** Ends the lock's transaction (nothing was written on it) and gives the connection back. */
    private static Mono<Void> release(Connection connection) {
        return Mono.from(connection.rollbackTransaction()).onErrorResume(e -> Mono.empty()).then(Mono.from(connection.close()));
    }
}
