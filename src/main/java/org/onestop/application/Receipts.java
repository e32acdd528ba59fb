package org.onestop.application;

import org.onestop.account.AccountDirectory;
import org.onestop.account.StaffCard;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The receipt of a submitted application (回执) and its issued result document. */
@Service
class Receipts {

    /** The stored result document and the name it is downloaded under. */
    record Result(String fileName, String html) {
    }

    private final ApplicationAccess access;
    private final ApplicationDetails details;
    private final ApplicationStore store;
    private final AccountDirectory accounts;

    Receipts(ApplicationAccess access, ApplicationDetails details, ApplicationStore store, AccountDirectory accounts) {
        this.access = access;
        this.details = details;
        this.store = store;
        this.accounts = accounts;
    }

    Mono<ApplicationViews.Receipt> receipt(long id, PortalUser user) {
        return access.view(id, user).flatMap(v -> {
            ApplicationStore.Row r = v.row();
            if (r.number() == null) {
                return Mono.error(ProblemException.state("application.not_submitted"));
            }
            long holder = r.enterpriseId() != null ? r.enterpriseId() : r.applicantId();
            return Mono.zip(accounts.card(holder).map(StaffCard::displayName).defaultIfEmpty(""), details.materials(id))
                    .map(t -> new ApplicationViews.Receipt(r.number(), r.serviceName(), r.departmentName(), r.submittedAt(),
                            mask(t.getT1()), t.getT2(), r.dueDate()));
        });
    }

    Mono<Result> result(long id, PortalUser user) {
        return access.view(id, user).flatMap(v -> store.resultHtml(id).map(html -> new Result(v.row().number() + "-决定书.html", html)))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("result", id)));
    }

    /** A name on a receipt shows its first character only, as receipts get printed and passed around. */
    static String mask(String name) {
        if (name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
