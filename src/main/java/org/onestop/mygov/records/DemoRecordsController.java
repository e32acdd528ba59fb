package org.onestop.mygov.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.regex.Pattern;
import org.onestop.platform.CityTime;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in demo records service: plays the department systems over real HTTP, with the same
 * API an external system offers, when no system is configured for a record type. It sits outside
 * {@code /api} because it is not the portal's API but a stand-in for another system; it answers
 * only callers holding its bearer token, which only this node knows.
 */
@RestController
class DemoRecordsController {

    static final String BASE = "/demo-records";
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]");

    private final RecordConnectors connectors;
    private final Clock clock;

    DemoRecordsController(RecordConnectors connectors, Clock clock) {
        this.connectors = connectors;
        this.clock = clock;
    }

    @GetMapping(BASE + "/records/{type}")
    RecordList records(@PathVariable String type, @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = RecordConnector.ID_HEADER, required = false) String idNumber) {
        byte[] expected = ("Bearer " + connectors.demoToken()).getBytes(StandardCharsets.UTF_8);
        if (authorization == null || !MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthenticated();
        }
        RecordType recordType = RecordType.of(type).orElseThrow(() -> ProblemException.notFound("record type", PlainText.clean(type)));
        if (idNumber == null || !ID_NUMBER.matcher(idNumber).matches()) {
            throw ProblemException.invalid(RecordConnector.ID_HEADER, "pattern");
        }
        return DemoRecords.of(recordType, idNumber, CityTime.today(clock));
    }
}
