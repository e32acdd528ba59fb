package org.onestop.inquiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.onestop.account.AccountDirectory;
import org.onestop.account.Departments;
import org.onestop.account.Department;
import org.onestop.platform.CityTime;
import org.onestop.security.PortalUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Demo sessions, made through the same services as real ones so their event logs are real: one
 * live now (the demo moderator and official assigned), one scheduled for tomorrow, and one that
 * ended yesterday with a transcript. Created once, when no session exists yet.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true")
@Order(2)
class DemoInquiry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInquiry.class);

    private final Sessions sessions;
    private final Questions questions;
    private final Moderation moderation;
    private final Answers answers;
    private final AccountDirectory accounts;
    private final Departments departments;
    private final DatabaseClient db;
    private final Clock clock;

    DemoInquiry(Sessions sessions, Questions questions, Moderation moderation, Answers answers,
            AccountDirectory accounts, Departments departments, DatabaseClient db, Clock clock) {
        this.sessions = sessions;
        this.questions = questions;
        this.moderation = moderation;
        this.answers = answers;
        this.accounts = accounts;
        this.departments = departments;
        this.db = db;
        this.clock = clock;
    }

    private record Cast(PortalUser moderator, PortalUser hrss, PortalUser housing, PortalUser healthcare,
            PortalUser zhang, PortalUser li, PortalUser wang) {
    }

    @Override
    public void run(ApplicationArguments args) {
        Mono<Cast> cast = Flux.just("moderator", "official", "housing_official", "healthcare_official", "citizen", "lisi", "wangwu")
                .concatMap(accounts::principal).collectList()
                .map(p -> new Cast(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5), p.get(6)));
        Mono<Void> seed = db.sql("SELECT count(*) FROM inquiry_session").map(r -> r.get(0, Long.class)).one()
                .filter(count -> count == 0)
                .flatMap(none -> cast)
                .flatMap(c -> ended(c).then(live(c)).then(scheduled(c)))
                .doOnSuccess(v -> log.info("Demo live inquiry sessions created"));
        // Start-up only: the demo should be complete before the first visitor arrives.
        seed.block(Duration.ofMinutes(2));
    }

    private Mono<Void> ended(Cast c) {
        LocalDate yesterday = CityTime.today(clock).minusDays(1);
        Instant starts = yesterday.atTime(LocalTime.of(9, 30)).atZone(CityTime.ZONE).toInstant();
        return create(c, "HOUSING", "城市更新与老旧小区改造在线访谈", "市住房和城乡建设局负责同志介绍老旧小区改造计划并回答网友提问。",
                starts, starts.plus(Duration.ofMinutes(90)), c.housing())
                .flatMap(s -> sessions.start(s.id(), c.moderator())
                        .then(qa(s.id(), c.zhang(), "我们小区是2000年以前建成的，今年能纳入老旧小区改造计划吗？", c,
                                c.housing(), "2000年底前建成、基础设施老化的住宅小区均可申报，请通过所在街道提交居民改造意愿，年内完成摸底。"))
                        .then(qa(s.id(), c.li(), "老旧小区加装电梯有补贴吗？需要全体业主同意吗？", c,
                                c.housing(), "加装电梯每部补贴20万元；需经本单元专有部分占建筑物总面积三分之二以上的业主且人数三分之二以上的业主同意。"))
                        // Left unanswered in the session: the moderator follows it up as a mailbox case.
                        .then(questions.ask(s.id(), "小区改造期间停车位不够，施工车辆占用消防通道怎么办？", false, c.wang())
                                .flatMap(q -> moderation.approve(q.id(), null, c.moderator()).thenReturn(q.id())))
                        .flatMap(unanswered -> sessions.end(s.id(), java.util.List.of(unanswered), c.moderator()))
                        // The demo story happened yesterday: place its records at the session's own times.
                        .then(backdate(s.id(), starts)));
    }

    private Mono<Void> live(Cast c) {
        Instant now = clock.instant();
        return create(c, "HRSS", "2026年就业创业扶持政策在线访谈", "市人力资源和社会保障局负责同志解读就业创业扶持政策，现场回答网友提问。",
                now.minus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(100)), c.hrss())
                .flatMap(s -> sessions.start(s.id(), c.moderator())
                        .then(qa(s.id(), c.zhang(), "高校毕业生自主创业，可以申请哪些补贴？", c,
                                c.hrss(), "毕业5年内的高校毕业生首次创业并正常经营1年以上，可申请1.2万元一次性创业补贴，并可申请最高30万元创业担保贷款。"))
                        .then(questions.ask(s.id(), "灵活就业人员参加职工养老保险，缴费基数怎么选？", false, c.li())
                                .flatMap(q -> moderation.approve(q.id(), null, c.moderator())))
                        .then(questions.ask(s.id(), "企业招用就业困难人员有社保补贴吗？", true, c.wang()))
                        .then());
    }

    private Mono<Void> scheduled(Cast c) {
        Instant starts = CityTime.today(clock).plusDays(1).atTime(LocalTime.of(9, 30)).atZone(CityTime.ZONE).toInstant();
        return create(c, "HEALTHCARE-SEC", "2027年度城乡居民医保参保缴费政策解读", "市医疗保障局解读2027年度居民医保参保缴费政策，欢迎提前留言提问。",
                starts, starts.plus(Duration.ofMinutes(90)), c.healthcare())
                .flatMap(s -> questions.ask(s.id(), "2027年居民医保个人缴费标准是多少？什么时候开始缴费？", false, c.wang()))
                .then();
    }

    private Mono<InquiryViews.Session> create(Cast c, String departmentCode, String title, String description,
            Instant startsAt, Instant endsAt, PortalUser official) {
        return departments.byCode(departmentCode).map(Department::id)
                .flatMap(department -> sessions.create(new SessionRequest(title, description, department, startsAt, endsAt,
                        List.of(official.id()), List.of(c.moderator().id())), c.moderator()));
    }

    private Mono<Void> qa(long sessionId, PortalUser asker, String question, Cast c, PortalUser official, String answer) {
        return questions.ask(sessionId, question, false, asker)
                .flatMap(q -> moderation.approve(q.id(), null, c.moderator())
                        .then(answers.answer(q.id(), answer, official)))
                .then();
    }

    private Mono<Void> backdate(long sessionId, Instant starts) {
        return db.sql("""
                UPDATE inquiry_question SET submitted_at = :t, published_at = :t + interval '5 minutes', reviewed_at = :t + interval '5 minutes'
                WHERE session_id = :s""").bind("t", starts.plus(Duration.ofMinutes(3))).bind("s", sessionId).then()
                .then(db.sql("""
                        UPDATE inquiry_answer SET posted_at = :t + (id % 10) * interval '7 minutes'
                        WHERE question_id IN (SELECT id FROM inquiry_question WHERE session_id = :s)""")
                        .bind("t", starts.plus(Duration.ofMinutes(12))).bind("s", sessionId).then())
                .then(db.sql("UPDATE inquiry_session SET started_at = :a, ended_at = :b WHERE id = :s")
                        .bind("a", starts).bind("b", starts.plus(Duration.ofMinutes(90))).bind("s", sessionId).then());
    }
}
