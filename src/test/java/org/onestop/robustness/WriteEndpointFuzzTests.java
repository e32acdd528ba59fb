package org.onestop.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Input robustness of every write endpoint: each route the application maps is sent its valid
 * sample and then malformed JSON, wrong types, huge strings, Unicode edge cases, SQL and markup
 * payloads, lying uploads and hostile path variables (see {@link FuzzCases}), as a role that may
 * call it. No answer may be a 5xx; every refusal is problem+json (Open311 and CKAN answer in their
 * own standard error forms); and a refused request must leave
 * every table and the file store exactly as they were ({@link StoredData}).
 * <p>
 * The values come from a seeded generator: the seed is printed, and {@code -Dfuzz.seed=N} repeats
 * a run exactly; {@code -Dfuzz.perField=N} sends more values per field; {@code -Dfuzz.routes=regex}
 * fuzzes only the routes whose "METHOD /template" matches.
 */
@PortalTest
class WriteEndpointFuzzTests {

    static final long SEED = Long.getLong("fuzz.seed", 20261126L);
    static final int PER_FIELD = Integer.getInteger("fuzz.perField", 2);

    /** Who calls a route (first match); a route without a match is probed with every actor. */
    private static final Map<Pattern, String> CALLERS = callers(
            "^POST /api/inquiry/sessions(/\\{id}/(start|end|mutes))?$", "moderator",
            "/api/inquiry/sessions/\\{id}/questions$|/vote$", "citizen",
            "/api/inquiry/questions/\\{id}/(approve|reject|merge|pin|unpin|hide)$", "moderator",
            "/api/inquiry/", "official",
            "/api/mailbox/cases/\\{id}/(accept|not-accept|dispatch|publish|redact|unpublish)$", "clerk",
            "/api/mailbox/cases/\\{id}/supervise$", "supervisor",
            "/api/mailbox/cases/", "official",
            "/api/mailbox/", "citizen",
            "/api/consultations/\\{id}/comments$", "citizen",
            "/api/consultations", "official",
            "^POST /api/disclosure/requests$", "citizen",
            "/api/disclosure/", "official",
            "/api/applications/\\{id}/(accept|supplement|approve|reject|result)$", "eduOfficial",
            "/api/applications", "citizen",
            "/api/enterprise/", "enterprise",
            "/api/me/", "citizen",
            "/api/opendata/manage/", "official",
            "/api/admin/", "admin");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private final Map<String, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Set<String> unreached = new LinkedHashSet<>();
    private long fingerprintNanos;

    @AfterAll
    static void withdrawFuzzedCalendarYear(@Autowired DatabaseClient db) {
        // Working calendars are reference data that outlive this class; the fuzzed year must not.
        db.sql("DELETE FROM calendar_year WHERE year = :year").bind("year", Integer.parseInt(FuzzWorld.CALENDAR_YEAR)).then()
                .block(Duration.ofSeconds(10));
    }

    @Test
    void writeWithMalformedOrHugeFormBodyAndNoCsrfHeaderThenClientErrorNotServerError() {
        TestAccounts.citizen(app, "fz_nocsrf");
        PortalClient citizen = new PortalClient(port).login("fz_nocsrf", TestAccounts.PASSWORD);
        WebTestClient bare = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String cookies = String.join("; ", citizen.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        for (byte[] body : List.of("a=%zz&b=%".getBytes(), ("text=" + "x".repeat(300_000)).getBytes())) {
            // The CSRF filter looks for a _csrf form field, so it reads the body before anything else.
            bare.post().uri("/api/me/subscriptions").header("Cookie", cookies).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue(body).exchange().expectStatus().is4xxClientError()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void everyWriteEndpointAnswersHostileInputWithoutServerErrorAndStoresNothingWhenItRefuses() {
        long started = System.nanoTime();
        FuzzWorld world = new FuzzWorld(app, port).build();
        System.out.printf("Fuzz: seeded in %.1f s%n", (System.nanoTime() - started) / 1e9);
        HostileValues values = new HostileValues(SEED);
        FuzzCases generator = new FuzzCases(world, new SampleBodies(world), values, PER_FIELD);
        StoredData stored = new StoredData(app);
        List<WriteRoutes.Route> routes = WriteRoutes.of(app).stream()
                .filter(r -> r.key().matches(System.getProperty("fuzz.routes", ".*"))).toList();
        System.out.printf("Fuzzing %d write routes with seed %d (repeat with -Dfuzz.seed=%d)%n", routes.size(), SEED, SEED);
        int sent = 0;
        for (WriteRoutes.Route route : routes) {
            List<FuzzCase> cases = generator.of(route);
            String caller = caller(route, world, cases.getFirst());
            // Taken after any probing of callers, which may have changed data legitimately.
            StoredData.Fingerprint before = stored.take();
            boolean reached = false;
            for (FuzzCase c : cases) {
                PortalClient client = caller.equals("guest") ? world.guest() : world.actor(caller);
                EntityExchangeResult<byte[]> result;
                try {
                    result = send(client, c);
                } catch (RuntimeException e) {
                    failures.add("no answer (" + e.getMessage() + ") as " + caller + ": " + c);
                    continue;
                } finally {
                    sent++;
                }
                int status = result.getStatus().value();
                statuses.merge(status / 100 + "xx", 1, Integer::sum);
                reached |= status != 401 && status != 403;
                long t0 = System.nanoTime();
                StoredData.Fingerprint after = stored.take();
                fingerprintNanos += System.nanoTime() - t0;
                check(c, caller, result, before, after);
                before = after;
            }
            if (!reached) {
                unreached.add(route.key() + " as " + caller);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Fuzz: %.1f s of it comparing stored data%n", fingerprintNanos / 1e9);
        System.out.printf("Fuzz: %d cases on %d routes in %.1f s; statuses %s; seed %d%n", sent, routes.size(), seconds,
                statuses, SEED);
        failures.forEach(f -> System.out.println("FUZZ FAILURE " + f.substring(0, Math.min(f.length(), 1500))));
        assertThat(failures).as("server errors, stored refusals or non-problem refusals").isEmpty();
        assertThat(unreached).as("routes no actor could reach past authorisation").isEmpty();
    }

    private void check(FuzzCase c, String caller, EntityExchangeResult<byte[]> result, StoredData.Fingerprint before,
            StoredData.Fingerprint after) {
        int status = result.getStatus().value();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
        String shown = status + " as " + caller + ": " + c + " -> " + body.substring(0, Math.min(300, body.length()));
        if (status >= 500) {
            failures.add("5xx " + shown);
        }
        if (status >= 400 && status < 500) {
            List<String> changed = after.changedFrom(before);
            if (!changed.isEmpty()) {
                failures.add("stored on refusal " + changed + " " + shown);
            }
            MediaType type = result.getResponseHeaders().getContentType();
            boolean open311 = c.route().template().startsWith("/open311/");
            boolean ckan = c.route().template().startsWith("/api/3/action/");
            boolean problem = type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            if (ckan && !problem) {
                // The CKAN Action API answers in CKAN's own envelope, as its clients expect (a path the
                // firewall refuses before any route gets the portal's problem+json).
                if (!body.contains("\"success\":false") || !body.contains("\"__type\"")) {
                    failures.add("refusal not a CKAN error envelope " + shown);
                }
            } else if (!open311 && !problem) {
                failures.add("refusal not problem+json (" + type + ") " + shown);
            }
        }
    }

    /** The actor from the table, or the first actor the route does not refuse outright (401/403). */
    private String caller(WriteRoutes.Route route, FuzzWorld world, FuzzCase sample) {
        String key = route.key();
        if (route.template().startsWith("/api/auth/") || route.template().startsWith("/open311/")
                || route.template().startsWith("/api/3/action/")) {
            return "guest";
        }
        for (var entry : CALLERS.entrySet()) {
            if (entry.getKey().matcher(key).find()) {
                return entry.getValue();
            }
        }
        for (String actor : world.actors.keySet()) {
            int status = send(world.actor(actor), sample).getStatus().value();
            if (status != 401 && status != 403 && status != 404) {
                return actor;
            }
        }
        return "citizen";
    }

    private static EntityExchangeResult<byte[]> send(PortalClient client, FuzzCase c) {
        WebTestClient.RequestBodySpec request = client.http().method(c.method()).uri(c.route().template(), c.variables());
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        WebTestClient.RequestHeadersSpec<?> ready = c.body() == null ? request : request.bodyValue(c.body());
        return ready.exchange().expectBody().returnResult();
    }

    private static Map<Pattern, String> callers(String... pairs) {
        Map<Pattern, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Pattern.compile(pairs[i]), pairs[i + 1]);
        }
        return map;
    }
}
