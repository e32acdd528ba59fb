package org.onestop.disclosure;

import java.time.Clock;
import java.time.Duration;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The demo disclosure set: 100,000 generated documents across 73 departments, and a guide for
 * each, so search and catalogues run at the real scale. Loaded once, when no document exists.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
@Order(3)
class DemoDisclosure implements ApplicationRunner {

    static final long SEED = 20_260_701L;
    static final int DOCUMENTS = 100_000;
    static final int DEPARTMENTS = 73;
    private static final Logger log = LoggerFactory.getLogger(DemoDisclosure.class);

    private final BulkLoader loader;
    private final GuideStore guides;
    private final Departments departments;
    private final DatabaseClient db;
    private final Clock clock;

    DemoDisclosure(BulkLoader loader, GuideStore guides, Departments departments, DatabaseClient db, Clock clock) {
        this.loader = loader;
        this.guides = guides;
        this.departments = departments;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        Mono<Void> seed = db.sql("SELECT EXISTS (SELECT 1 FROM disclosure_document)").map(r -> r.get(0, Boolean.class)).one()
                .filter(exists -> !exists)
                .flatMap(none -> departments.all(null).take(DEPARTMENTS).collectList())
                .flatMap(list -> loader.load(new DocumentGenerator(SEED, DOCUMENTS, list))
                        .then(reactor.core.publisher.Flux.fromIterable(list)
                                .concatMap(d -> guides.find(d.id()).hasElement()
                                        .flatMap(has -> has ? Mono.empty() : guides.saveSystem(d.id(), guide(d), clock.instant())))
                                .then())
                        .doOnSuccess(v -> log.info("Demo disclosure set loaded: {} documents in {} departments in {} s",
                                DOCUMENTS, list.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds())));
        // Start-up only: the portal should not serve a half-loaded catalogue.
        seed.block(Duration.ofMinutes(5));
    }

    static String guide(Department d) {
        String name = Highlighter.escape(d.nameZh());
        return """
                <h2>一、主动公开</h2><p>%s依照《中华人民共和国政府信息公开条例》主动公开本机关的机构职能、规范性文件、\
                规划计划、财政预决算和人事任免等政府信息，公开目录见本网站“%s政府信息公开目录”。</p>\
                <h2>二、依申请公开</h2><p>公民、法人或者其他组织可以通过本网站在线提交政府信息公开申请，也可以信函方式提出。\
                本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；\
                需要延长答复期限的，经负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>\
                <h2>三、收费</h2><p>本机关依申请提供政府信息，不收取费用。</p>\
                <h2>四、监督和救济</h2><ul><li>可以向本级人民政府政府信息公开工作主管部门投诉、举报；</li>\
                <li>可以依法申请行政复议或者提起行政诉讼。</li></ul>""".formatted(name, name);
    }
}
