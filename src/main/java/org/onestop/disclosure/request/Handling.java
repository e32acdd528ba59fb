package org.onestop.disclosure.request;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.onestop.platform.AuditTrail;
import org.onestop.platform.CityTime;
import org.onestop.platform.calendar.WorkingDays;
import org.onestop.platform.storage.FileStore;
import org.onestop.platform.storage.FileType;
import org.onestop.platform.storage.ReceivedFile;
import org.onestop.platform.storage.UploadLimits;
import org.onestop.platform.storage.UploadReceiver;
import org.onestop.live.LivePublisher;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Staff actions on a request: the one extension and the reply with its delivered files. Each
 * action locks the request, checks its state, and stores the change, the audit entry and the
 * applicant's notification in one transaction; files of a refused reply are deleted.
 */
@Service("disclosureRequestHandling")
class Handling {

    static final String FILE_FIELD = "files";
    private static final UploadLimits LIMITS = new UploadLimits(10, 20L * 1024 * 1024, EnumSet.allOf(FileType.class), 16 * 1024);

    private final RequestStore store;
    private final RequestFileStore files;
    private final UploadReceiver receiver;
    private final FileStore fileStore;
    private final WorkingDays workingDays;
    private final LivePublisher live;
    private final AuditTrail audit;
    private final Clock clock;

    Handling(RequestStore store, RequestFileStore files, UploadReceiver receiver, FileStore fileStore, WorkingDays workingDays,
            LivePublisher live, AuditTrail audit, Clock clock) {
        this.store = store;
        this.files = files;
        this.receiver = receiver;
        this.fileStore = fileStore;
        this.workingDays = workingDays;
        this.live = live;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Long> extend(long id, String rawReason, PortalUser user) {
        return handled(id, user).then(Mono.fromCallable(() -> RequestForms.reason(rawReason)))
                .zipWith(workingDays.calendar())
                .flatMap(t -> live.write(events -> store.lock(id).flatMap(row -> {
                    LocalDate today = CityTime.today(clock);
                    if (row.status().equals("replied")) {
                        return Mono.error(ProblemException.state("disclosure_request.replied"));
                    }
                    if (row.extendedDueOn() != null) {
                        return Mono.error(ProblemException.state("disclosure_request.extension_used"));
                    }
                    if (!ReplyClock.mayExtend(row.dueOn(), today)) {
                        return Mono.error(ProblemException.state("disclosure_request.extension_late"));
                    }
                    LocalDate due = ReplyClock.extendedDue(t.getT2(), row.dueOn());
                    return store.extend(id, due, t.getT1(), today, user.id())
                            .then(audit.record(user.id(), "disclosure.request.extended", "disclosure_request", id,
                                    Map.of("dueOn", row.dueOn().toString(), "extendedDueOn", due.toString(), "reason", t.getT1())))
                            .then(RequestNotices.send(events, row.applicantId(), id, "extended", "您的政府信息公开申请（编号 "
                                    + row.number() + "）答复期限延长至 " + due + "，理由：" + t.getT1(), now()));
                }).thenReturn(id)));
    }

    Mono<Long> reply(long id, Flux<PartEvent> parts, PortalUser user) {
        return handled(id, user).then(receiver.receive(parts, LIMITS, FILE_FIELD)).flatMap(received -> {
            List<String> keys = received.files().stream().map(ReceivedFile::key).toList();
            return Mono.fromCallable(() -> RequestForms.reply(received.fields(), received.problems()))
                    .flatMap(reply -> store(id, reply, received.files(), user))
                    .onErrorResume(e -> fileStore.delete(keys).then(Mono.error(e)))
                    .doOnCancel(() -> fileStore.delete(keys).subscribe());
        });
    }

    private Mono<Long> store(long id, RequestForms.Reply reply, List<ReceivedFile> delivered, PortalUser user) {
        Instant now = now();
        LocalDate today = CityTime.today(clock);
        return live.write(events -> store.lock(id).flatMap(row -> {
            if (row.status().equals("replied")) {
                return Mono.error(ProblemException.state("disclosure_request.replied"));
            }
            if (reply.outcome().deliversInformation() && row.delivery().equals("electronic") && delivered.isEmpty()) {
                return Mono.error(ProblemException.invalid(FILE_FIELD, "disclosure_request.files_required"));
            }
            return store.reply(id, reply.outcome(), reply.ground(), reply.text(), now, today, user.id())
                    .then(files.insertAll(id, delivered, user.id(), now))
                    .then(audit.record(user.id(), "disclosure.request.replied", "disclosure_request", id,
                            Map.of("outcome", reply.outcome().code(), "legalGround",
                                    reply.ground() == null ? "" : reply.ground().code(), "files", delivered.size())))
                    .then(RequestNotices.send(events, row.applicantId(), id, "replied",
                            "您的政府信息公开申请（编号 " + row.number() + "）已答复", now));
        }).thenReturn(id));
    }

    /** The request exists and the caller may see it (404 otherwise) and handle it (403 otherwise). */
    private Mono<RequestStore.Row> handled(long id, PortalUser user) {
        return store.find(id)
                .filter(row -> RequestAccess.mayRead(row, user))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("disclosure_request", id)))
                .flatMap(row -> RequestAccess.mayHandle(row, user) ? Mono.just(row) : Mono.error(ProblemException.forbidden()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
