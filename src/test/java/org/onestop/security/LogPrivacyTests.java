package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.Identities;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.TestAccounts;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * The log output of representative flows that carry personal data (registration with an ID number
 * and mobile, a duplicate registration, a letter quoting a phone number, an application with ID
 * numbers), scanned for any raw ID or phone number of that data, with the frameworks' request
 * logging switched on at DEBUG as an operator chasing a fault would.
 */
@PortalTest
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTests {

    private static final List<String> NOISY = List.of("org.onestop", "org.springframework.web", "org.springframework.http.codec",
            "org.springframework.r2dbc", "io.r2dbc.postgresql.QUERY", "org.springframework.security");

    @Autowired
    ApplicationContext app;

    @LocalServerPort
    int port;

    @AfterEach
    void quiet() {
        LoggingSystem logging = app.getBean(LoggingSystem.class);
        NOISY.forEach(name -> logging.setLogLevel(name, null));
    }

    @Test
    void flowsCarryingIdNumbersAndPhonesLogNoneOfThemEvenAtDebug(CapturedOutput output) {
        LoggingSystem logging = app.getBean(LoggingSystem.class);
        NOISY.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
        List<String> secrets = new ArrayList<>();

        String idNumber = Identities.idNumber();
        String mobile = Identities.mobile();
        secrets.add(idNumber);
        secrets.add(mobile);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("username", "lp_citizen");
        registration.put("password", TestAccounts.PASSWORD);
        registration.put("displayName", "海边的风");
        registration.put("kind", "citizen");
        registration.put("realName", "王建国");
        registration.put("idNumber", idNumber);
        registration.put("mobile", mobile);
        new PortalClient(port).post("/api/auth/register", registration).expectStatus().isCreated();
        // The same person again: the database refuses the duplicate ID number, quoting it.
        registration.put("username", "lp_again");
        new PortalClient(port).post("/api/auth/register", registration).expectStatus().isEqualTo(409);

        PortalClient citizen = new PortalClient(port).login("lp_citizen", TestAccounts.PASSWORD);
        String phone = Identities.mobile();
        secrets.add(phone);
        MultipartBodyBuilder letter = new MultipartBodyBuilder();
        letter.part("letter", "{\"mailbox\":\"mayor\",\"kind\":\"complaint\",\"title\":\"楼下餐馆油烟扰民\",\"body\":\"请联系我" + phone
                + "，我的身份证号" + idNumber + "。\",\"location\":\"市南区香港中路\",\"consentToPublish\":false,"
                + "\"contactPreference\":\"sms\"}", MediaType.APPLICATION_JSON);
        AccessWorld.multipart(citizen, "/api/mailbox/letters", letter).expectStatus().isCreated();

        AccessWorld world = new AccessWorld(app, port, "lp_");
        List<String> stored = world.db.sql("SELECT data::text FROM application").map(r -> r.get(0, String.class)).all()
                .collectList().block();
        for (String data : stored) {
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\\d{17}[\\dX]|1\\d{10}").matcher(data);
            while (ids.find()) {
                secrets.add(ids.group());
            }
        }
        world.client(Caller.OWNING_OFFICIAL, "/api/applications").get(world.path("/api/applications/{id}")).expectStatus().isOk();
        LoggerFactory.getLogger(LogPrivacyTests.class).info("A careless line: citizen {} called from {}", idNumber, mobile);

        String logged = output.getAll();
        assertThat(stored).as("the application's form data").isNotEmpty();
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
        assertThat(logged).as("DEBUG logging was on").contains("DEBUG").contains("A careless line");
        assertThat(logged).as("a password in the log").doesNotContain(TestAccounts.PASSWORD);
        for (String secret : secrets) {
            assertThat(logged).as("raw personal data in the log").doesNotContain(secret);
        }
        System.out.printf("Log scan: %d characters of log output, %d ID and phone numbers looked for, none found%n",
                logged.length(), secrets.size());
    }
}
