package org.onestop.mygov.records;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.onestop.security.PortalUser;
import org.onestop.web.PlainText;
import org.onestop.web.ProblemException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A person's own records: which types there are, and the records of one type. */
@RestController
class RecordsController {

    /** A record type as the page lists it; {@code demo} when the demo records service plays its system. */
    record TypeView(String code, String nameZh, String nameEn, String holder, boolean demo) {
    }

    /** One type's records for the person, labelled demo data when they come from the demo service. */
    record RecordsView(String type, String nameZh, String nameEn, String holder, boolean demo, Instant fetchedAt,
            List<PersonalRecord> records) {
    }

    private final PersonalRecords records;
    private final Clock clock;

    RecordsController(PersonalRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @GetMapping("/api/me/records")
    List<TypeView> types() {
        return Arrays.stream(RecordType.values())
                .map(t -> new TypeView(t.code(), t.nameZh(), t.nameEn(), t.holder(), records.demo(t)))
                .toList();
    }

    @GetMapping("/api/me/records/{type}")
    Mono<RecordsView> records(@PathVariable String type, @AuthenticationPrincipal PortalUser user) {
        RecordType recordType = RecordType.of(type).orElseThrow(() -> ProblemException.notFound("record type", PlainText.clean(type)));
        return records.forOwner(user.id(), recordType)
                .map(list -> new RecordsView(recordType.code(), recordType.nameZh(), recordType.nameEn(), recordType.holder(),
                        records.demo(recordType), clock.instant(), list.records()));
    }
}
