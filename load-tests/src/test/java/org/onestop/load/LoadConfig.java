package org.onestop.load;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the simulations share: where the portal is, how a browser talks to it, and how to make
 * identities the portal accepts exactly once.
 */
final class LoadConfig {

    /** The portal under test; any reachable instance, local by default. */
    static final String BASE_URL = stripTrailingSlash(System.getProperty("baseUrl", "http://localhost:8080"));

    /** Meets the password policy and never contains a generated username (they start with "lt"). */
    static final String PASSWORD = "Load#Test2026x";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final String REGION = "370202";
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1950, 1, 1);
    /** Adults only, so that the generated people stay plausible for years to come. */
    private static final long BIRTH_DAYS = ChronoUnit.DAYS.between(FIRST_BIRTH_DATE, LocalDate.of(2006, 1, 1));
    /** Distinct numbers available: every birth date times every 3-digit sequence code. */
    static final long RESIDENT_ID_SPACE = BIRTH_DAYS * 1000;

    /**
     * The portal keeps every account, and an ID number can be registered only once, so each run
     * must start somewhere no earlier run has used. The clock in milliseconds moves far faster than
     * any run can register (a run would need over 1,000 registrations per second of wall time to
     * catch up with the next run's start), and wraps around the ID space only every ~5.7 hours, so
     * a clash needs two runs started a multiple of that apart to within their own length.
     */
    private static final long RUN_OFFSET = System.currentTimeMillis() % RESIDENT_ID_SPACE;

    /** Usernames only need to differ, and the clock in base 36 keeps them short (max 32 chars). */
    private static final String RUN_TAG = Long.toString(System.currentTimeMillis(), 36);

    private LoadConfig() {
    }

    /**
     * One browser's connection settings. Gatling's default warm-up request goes to gatling.io,
     * which closed networks cannot reach; warming up against the portal's health check instead
     * still spares the first measured request the test JVM's own class loading.
     */
    static HttpProtocolBuilder httpProtocol() {
        return http.baseUrl(BASE_URL)
                .warmUp(BASE_URL + "/actuator/health")
                .acceptHeader("application/json, text/html;q=0.9, */*;q=0.8")
                .acceptLanguageHeader("zh-CN,zh;q=0.9")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("OneStop-load-tests (Gatling)");
    }

    static int intProperty(String name, int defaultValue) {
        return Integer.getInteger(name, defaultValue);
    }

    static Duration secondsProperty(String name, int defaultSeconds) {
        return Duration.ofSeconds(Long.getLong(name, defaultSeconds));
    }

    /** A rate or other fractional option, e.g. {@code -Drate=0.5}. */
    static double doubleProperty(String name, double defaultValue) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? defaultValue : Double.parseDouble(value.trim());
    }

    /**
     * A valid GB 11643 resident ID number, different for every index below
     * {@link #RESIDENT_ID_SPACE}: the index picks the birth date and the sequence code.
     */
    static String residentId(long index) {
        long i = Math.floorMod(index, RESIDENT_ID_SPACE);
        LocalDate birthDate = FIRST_BIRTH_DATE.plusDays(i / 1000);
        String body = REGION + String.format("%04d%02d%02d%03d", birthDate.getYear(), birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), i % 1000);
        return body + checkCharacter(body);
    }

    static char checkCharacter(String body) {
        int sum = 0;
        for (int k = 0; k < WEIGHTS.length; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * An endless feeder of fresh citizens for this run: Gatling hands each record to exactly one
     * virtual user, so no two users ever try to register the same identity.
     */
    static Iterator<Map<String, Object>> newCitizens() {
        AtomicLong counter = new AtomicLong();
        return Stream.generate(() -> {
            long n = counter.getAndIncrement();
            Map<String, Object> citizen = new HashMap<>();
            citizen.put("username", "lt" + RUN_TAG + "_" + n);
            citizen.put("password", PASSWORD);
            citizen.put("idNumber", residentId(RUN_OFFSET + n));
            // Any 1[3-9] prefix is valid; mobiles need not be unique, so only spread them.
            citizen.put("mobile", "139" + String.format("%08d", n % 100_000_000));
            return citizen;
        }).iterator();
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
