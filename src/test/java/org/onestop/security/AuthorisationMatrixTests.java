package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.live.TopicPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Every HTTP route the application registers, and every kind of live topic, against every kind of
 * caller, compared with {@code access-matrix.txt}. The route list comes from the running
 * application, so a new endpoint without a line in the table fails here, and the failure prints
 * the line to review and add. Requests carry minimal bodies: what is tested is the access decision.
 */
@PortalTest
class AuthorisationMatrixTests {

    private static final Pattern TERMINAL = Pattern.compile(
            ".*/(end|hide|reject|withdraw|revoke|unpublish|merge|not-accept|transfer-back|resubmit)$");
    private static final Pattern TOPIC_VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    @Autowired
    ApplicationContext app;

    @LocalServerPort
    int port;

    @Test
    void everyRouteAndTopicAnswersEachCallerAsTheTableSays() {
        AccessWorld world = new AccessWorld(app, port, "am_");
        Map<String, AccessTable.Row> table = AccessTable.load();
        Map<String, RouteList.Route> routes = RouteList.of(app).stream()
                .collect(Collectors.toMap(RouteList.Route::key, r -> r, (a, b) -> a, LinkedHashMap::new));
        List<String> problems = new ArrayList<>();

        int topics = checkTopics(world, table, problems);
        List<RouteList.Route> ordered = routes.values().stream().sorted(Comparator.comparingInt(AuthorisationMatrixTests::phase)
                .thenComparing(RouteList.Route::key)).toList();
        List<String> missing = new ArrayList<>();
        int cells = 0;
        for (RouteList.Route route : ordered) {
            AccessTable.Row row = table.get(route.key());
            Map<Caller, Integer> seen = new EnumMap<>(Caller.class);
            for (Caller caller : order(row)) {
                int status;
                try {
                    status = request(world, caller, route);
                } catch (IllegalStateException timeout) {
                    problems.add(route.key() + " as " + caller.heading + ": no answer (" + timeout.getMessage() + ")");
                    status = 0;
                }
                seen.put(caller, status);
                cells++;
                if (row != null && !matches(row.expected().get(caller), status)) {
                    problems.add(AccessTable.FILE + ":" + row.line() + " " + route.key() + " as " + caller.heading
                            + ": expected " + row.expected().get(caller) + ", got " + status);
                }
            }
            if (row == null) {
                missing.add(AccessTable.line(route.key(), classes(seen)) + "   # observed " + seen.values());
            }
        }
        List<String> stale = table.keySet().stream().filter(k -> !k.startsWith("TOPIC ") && !routes.containsKey(k)).toList();
        System.out.printf("Authorisation matrix: %d routes x %d callers = %d requests, %d topic kinds x %d callers; "
                + "%d routes without a table line%n", routes.size(), Caller.values().length, cells, topics,
                Caller.values().length, missing.size());

        assertThat(missing).as("Routes registered by the application but missing from " + AccessTable.FILE
                + " (observed outcomes, to check before adding):\n" + AccessTable.heading() + "\n"
                + String.join("\n", missing)).isEmpty();
        assertThat(stale).as("Lines of " + AccessTable.FILE + " naming no registered route").isEmpty();
        assertThat(world.unresolved).as("Path variables without a record in AccessWorld: add one (in its constructor and "
                + "value()), so that the route is tried on a real record").isEmpty();
        assertThat(problems).as("Access decisions differing from " + AccessTable.FILE).isEmpty();
    }

    /** The live topics: one line per kind; every topic policy of the application must own one of them. */
    private int checkTopics(AccessWorld world, Map<String, AccessTable.Row> table, List<String> problems) {
        List<TopicPolicy> policies = List.copyOf(app.getBeansOfType(TopicPolicy.class).values());
        Set<TopicPolicy> covered = new java.util.HashSet<>();
        int kinds = 0;
        for (AccessTable.Row row : table.values()) {
            if (!row.key().startsWith("TOPIC ")) {
                continue;
            }
            kinds++;
            String topic = topic(world, row.key().substring("TOPIC ".length()));
            policies.stream().filter(p -> p.owns(topic)).forEach(covered::add);
            for (Caller caller : Caller.values()) {
                int status = join(world.client(caller, ""), topic);
                if (!matches(row.expected().get(caller), status)) {
                    problems.add(AccessTable.FILE + ":" + row.line() + " " + row.key() + " as " + caller.heading
                            + ": expected " + row.expected().get(caller) + ", got " + status);
                }
            }
        }
        assertThat(policies).as("Topic policies owning no TOPIC line of " + AccessTable.FILE).allMatch(covered::contains);
        return kinds;
    }

    private static String topic(AccessWorld world, String pattern) {
        Matcher m = TOPIC_VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, world.ids.get(m.group(1)));
        }
        return m.appendTail(out).toString();
    }

    /** Joins a topic over Server-Sent Events and hangs up as soon as the answer's status is known. */
    private static int join(PortalClient client, String topic) {
        var result = client.http().get().uri(b -> b.path("/api/live/events").queryParam("topic", topic).build())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class);
        result.getResponseBody().subscribe().dispose();
        return result.getStatus().value();
    }

    private static int request(AccessWorld world, Caller caller, RouteList.Route route) {
        PortalClient client = world.client(caller, route.pattern());
        String path = world.path(route.pattern()) + world.query(route.key());
        String method = route.method().equals("ANY") ? "GET" : route.method();
        if (!route.writes()) {
            return client.http().method(HttpMethod.valueOf(method)).uri(path).exchange().expectBody().returnResult()
                    .getStatus().value();
        }
        client.withCsrf();
        var spec = client.http().method(HttpMethod.valueOf(method)).uri(path);
        if (route.multipart()) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("note", "x");
            return spec.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()))
                    .exchange().expectBody().returnResult().getStatus().value();
        }
        return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(world.body(route.key())).exchange().expectBody().returnResult()
                .getStatus().value();
    }

    /** Reads first; then writes; then writes that end a record's life; then deletions; sign-out last. */
    private static int phase(RouteList.Route route) {
        if (!route.writes()) {
            return 0;
        }
        if (route.pattern().equals("/api/auth/logout")) {
            return 4;
        }
        if (route.method().equals("DELETE")) {
            return 3;
        }
        return TERMINAL.matcher(route.pattern()).matches() ? 2 : 1;
    }

    /** Callers to be refused go first, so a caller who may change the record does so after them. */
    private static List<Caller> order(AccessTable.Row row) {
        if (row == null) {
            return List.of(Caller.values());
        }
        return java.util.Arrays.stream(Caller.values())
                .sorted(Comparator.comparing((Caller c) -> row.expected().get(c).equals("ok"))).toList();
    }

    private static boolean matches(String expected, int status) {
        return expected.equals(outcome(status));
    }

    static String outcome(int status) {
        return switch (status) {
            case 401, 403, 404 -> String.valueOf(status);
            case 0 -> "none";
            default -> status >= 500 ? "5xx" : "ok";
        };
    }

    private static Map<Caller, String> classes(Map<Caller, Integer> seen) {
        Map<Caller, String> out = new EnumMap<>(Caller.class);
        seen.forEach((caller, status) -> out.put(caller, outcome(status)));
        return out;
    }
}
