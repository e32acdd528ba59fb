package org.onestop.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the live-inquiry write simulations need before the measured load starts, done with plain
 * {@code java.net.http} calls outside Gatling (so none of it shows up in the report): find the
 * live session, ask questions as the demo netizens, have the demo moderator approve some. Also the
 * feeders and question texts the simulations share.
 * <p>
 * Needs the portal's demo data (the default): the demo accounts below, password {@code Demo#2026},
 * and a live session whose moderator is {@code moderator}. The portal must run with raised
 * per-user question limits ({@code --onestop.inquiry.questions-per-minute=1000000
 * --onestop.inquiry.questions-per-session=1000000}), since three demo accounts ask every question.
 */
final class InquirySetup {

    static final String DEMO_PASSWORD = "Demo#2026";
    static final List<String> NETIZENS = List.of("citizen", "lisi", "wangwu");
    static final String MODERATOR = "moderator";

    /** Sign-in body for Gatling, filled from a {@link #accounts} record. */
    static final String LOGIN = """
            {"username":"#{username}","password":"#{password}"}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Ordinary questions a citizen might ask a department, none containing a word the portal blocks
     * or flags (see the portal's screening word lists), so every one stays a plain pending question.
     */
    private static final List<String> SUBJECTS = List.of(
            "社区图书馆周末能否延长开放时间", "老年人乘坐公交车的优惠政策如何办理", "新建小区周边什么时候增设公交站点",
            "高校毕业生申请创业补贴需要准备哪些材料", "灵活就业人员如何办理失业登记", "公园里能否增加儿童游乐设施",
            "住房公积金提取的办理流程是否可以简化", "社区卫生服务中心能否开设夜间门诊", "小学入学报名需要提交哪些证明材料",
            "职业技能培训补贴每年可以申请几次", "垃圾分类收集点能否增加清运频次", "城区停车位紧张的问题有没有规划");

    private static final String DIGITS = "〇一二三四五六七八九";

    /** Tells this run's questions from earlier runs' (the clock in ms, as Chinese digits). */
    private static final String RUN_TAG = chineseDigits(System.currentTimeMillis() % 100_000_000L);

    private static final AtomicLong QUESTIONS = new AtomicLong();

    private InquirySetup() {
    }

    /**
     * A question nobody has asked before: a subject, then this run's tag and a counter, e.g.
     * {@code 社区图书馆周末能否延长开放时间？（压测八三七一二〇四五第一二号）} — 20 to 60 characters,
     * all of them Chinese apart from the punctuation.
     */
    static String questionText() {
        long n = QUESTIONS.incrementAndGet();
        String subject = SUBJECTS.get((int) (n % SUBJECTS.size()));
        return subject + "？（压测" + RUN_TAG + "第" + chineseDigits(n) + "号）";
    }

    static String chineseDigits(long n) {
        StringBuilder s = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            s.append(DIGITS.charAt(c - '0'));
        }
        return s.toString();
    }

    /**
     * An endless feeder of sign-ins that goes round the given demo accounts, so that virtual users
     * spread over them: {@code username}, {@code password}.
     */
    static Iterator<Map<String, Object>> accounts(List<String> usernames) {
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> {
            Map<String, Object> account = new HashMap<>();
            account.put("username", usernames.get((int) (next.getAndIncrement() % usernames.size())));
            account.put("password", DEMO_PASSWORD);
            return account;
        }).iterator();
    }

    /** An endless feeder of {@code questionId}, each record a random one of {@code ids}, read lazily. */
    static Iterator<Map<String, Object>> randomQuestion(List<Long> ids) {
        return Stream.generate(() -> Map.<String, Object>of("questionId",
                ids.get(ThreadLocalRandom.current().nextInt(ids.size())))).iterator();
    }

    /** The session to load: {@code -Dsession=} or else the first live one. */
    static long liveSession() throws IOException, InterruptedException {
        String given = System.getProperty("session", "");
        if (!given.isBlank()) {
            return Long.parseLong(given.trim());
        }
        JsonNode items = new Client().get("/api/inquiry/sessions?status=live").path("items");
        if (items.isEmpty()) {
            throw new IllegalStateException("no live inquiry session at " + LoadConfig.BASE_URL
                    + " (the demo data has one; or pass -Dsession=<id>)");
        }
        return items.get(0).path("id").asLong();
    }

    /**
     * Asks {@code count} questions in {@code sessionId}, round robin as the demo netizens, at most
     * {@code perSecond} per second with up to four at a time, and returns their ids (all pending),
     * in no particular order.
     */
    static List<Long> askPending(long sessionId, int count, double perSecond) throws Exception {
        List<Client> netizens = new ArrayList<>();
        for (String username : NETIZENS) {
            Client client = new Client();
            client.login(username);
            netizens.add(client);
        }
        List<Long> ids = Collections.synchronizedList(new ArrayList<>(count));
        List<Future<?>> asked = new ArrayList<>(count);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                // An even pace, not a burst: the machine may be shared.
                long due = start + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                Client netizen = netizens.get(i % netizens.size());
                asked.add(pool.submit(() -> {
                    JsonNode question = netizen.send("POST", "/api/inquiry/sessions/" + sessionId + "/questions",
                            Map.of("text", questionText(), "anonymous", false), 201);
                    ids.add(question.path("id").asLong());
                    return null;
                }));
            }
            for (Future<?> f : asked) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(ids);
    }

    /**
     * Asks {@code count} questions as the demo netizens (at most {@code perSecond} per second) and has
     * the demo moderator approve them all.
     */
    static List<Long> askApproved(long sessionId, int count, double perSecond) throws Exception {
        List<Long> ids = askPending(sessionId, count, perSecond);
        Client moderator = new Client();
        moderator.login(MODERATOR);
        for (long id : ids) {
            moderator.send("POST", "/api/inquiry/questions/" + id + "/approve", Map.of(), 200);
        }
        return ids;
    }

    /** One signed-in (or anonymous) browser: its own cookies, CSRF token echoed on writes. */
    static final class Client {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        void login(String username) throws IOException, InterruptedException {
            get("/api/auth/csrf"); // sets the XSRF-TOKEN cookie
            send("POST", "/api/auth/login", Map.of("username", username, "password", DEMO_PASSWORD), 200);
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return exchange(HttpRequest.newBuilder(URI.create(LoadConfig.BASE_URL + path)).GET(), "GET", path, 200);
        }

        JsonNode send(String method, String path, Object body, int expectedStatus) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LoadConfig.BASE_URL + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            String token = csrfToken();
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return exchange(request, method, path, expectedStatus);
        }

        private JsonNode exchange(HttpRequest.Builder request, String method, String path, int expectedStatus)
                throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("setup: " + method + " " + path + " gave " + response.statusCode()
                        + " (expected " + expectedStatus + "): " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        }

        private String csrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst().orElse(null);
        }
    }
}
