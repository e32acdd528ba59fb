package org.onestop.mailbox;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.onestop.account.Department;
import org.onestop.web.PageQuery;
import org.onestop.web.PageResponse;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Published letters for anyone: masked texts only. Nothing here reads the original title, body or
 * reply, the writer, their contact or attachments; an unpublished letter does not exist (404).
 */
@Service
class PublicLetters {

    private final PublicationStore store;
    private final PublicQuery query;
    private final MailboxDepartments departments;

    PublicLetters(PublicationStore store, PublicQuery query, MailboxDepartments departments) {
        this.store = store;
        this.query = query;
        this.departments = departments;
    }

    /** One published letter in the list. {@code department} is the one that replied. */
    record Summary(long id, String kind, String title, Department department, Instant receivedAt, Instant repliedAt,
            Instant publishedAt) {
    }

    /** A published letter with its masked body and reply. */
    record Detail(long id, String kind, MailboxViews.Mailbox mailbox, Department department, String title, String body,
            String reply, Instant receivedAt, Instant repliedAt, Instant publishedAt) {
    }

    Mono<PageResponse<Summary>> list(String rawDepartment, String rawKind, String rawMonth, PageQuery page) {
        return Mono.defer(() -> {
            LetterKind kind = query.kind(rawKind);
            YearMonth month = query.optionalMonth("month", rawMonth);
            PublicQuery.Months months = month == null ? null : new PublicQuery.Months(month, month);
            return query.department(rawDepartment).flatMap(department -> {
                var filter = new PublicationStore.Filter(department.map(Department::id).orElse(null), kind,
                        months == null ? null : months.start(), months == null ? null : months.end());
                return Mono.zip(store.page(filter, page.offset(), page.size()).collectList(), store.count(filter), departments.all())
                        .map(t -> new PageResponse<>(t.getT1().stream().map(p -> summary(p, t.getT3())).toList(),
                                page.page(), page.size(), t.getT2()));
            });
        });
    }

    Mono<Detail> one(long id) {
        return store.published(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("letter", id)))
                .zipWith(departments.all(), (p, d) -> new Detail(p.id(), p.kind().code(),
                        new MailboxViews.Mailbox(p.mailbox(), p.mailboxDepartmentId() == null ? null : d.get(p.mailboxDepartmentId())),
                        p.departmentId() == null ? null : d.get(p.departmentId()), p.title(), p.body(), p.reply(),
                        p.receivedAt(), p.repliedAt(), p.publishedAt()));
    }

    private static Summary summary(PublicationStore.Published p, Map<Long, Department> d) {
        return new Summary(p.id(), p.kind().code(), p.title(), p.departmentId() == null ? null : d.get(p.departmentId()),
                p.receivedAt(), p.repliedAt(), p.publishedAt());
    }
}
