package org.onestop.mygov.records;

import java.util.List;
import java.util.Map;
import org.onestop.account.AccountDirectory;
import org.onestop.platform.AuditTrail;
import org.onestop.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A person's records of one type, fetched for that person only, by the ID number of their own
 * account. Every query, by the person or by the subscription scanner on their behalf, is written
 * to the audit trail with its outcome, whether it was answered or not.
 */
@Service
public class PersonalRecords {

    private final RecordConnectors connectors;
    private final AccountDirectory accounts;
    private final AuditTrail audit;

    PersonalRecords(RecordConnectors connectors, AccountDirectory accounts, AuditTrail audit) {
        this.connectors = connectors;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Whether this type is served by the built-in demo records service (shown as demo data). */
    public boolean demo(RecordType type) {
        return connectors.demo(type);
    }

    /** The signed-in person asking for their own records. */
    Mono<RecordList> forOwner(long userId, RecordType type) {
        return query(userId, userId, "records.view", type);
    }

    /** The subscription scanner looking for new records of a subscriber; audited with no actor. */
    public Mono<RecordList> forSubscriber(long userId, RecordType type) {
        return query(null, userId, "records.poll", type);
    }

    private Mono<RecordList> query(Long actor, long owner, String action, RecordType type) {
        return accounts.verifiedIdNumber(owner)
                .switchIfEmpty(Mono.error(() -> new ProblemException(HttpStatus.FORBIDDEN, "records-need-identity", List.of(),
                        List.of(), null)))
                .flatMap(idNumber -> connectors.of(type).fetch(idNumber))
                .flatMap(list -> audit.record(actor, action, "personal_record", type.code(),
                        Map.of("owner", owner, "outcome", "answered", "count", list.records().size())).thenReturn(list))
                .onErrorResume(ProblemException.class, e -> audit.record(actor, action, "personal_record", type.code(),
                        Map.of("owner", owner, "outcome", e.type())).then(Mono.error(e)));
    }
}
