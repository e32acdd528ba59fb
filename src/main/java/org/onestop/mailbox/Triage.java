package org.onestop.mailbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Intake of letters: accepting or not accepting a received letter, dispatching it to a lead
 * department and co-handlers, and transfers back to the city office. A letter to a department's
 * mailbox is triaged by that department, which on accepting becomes its lead; the mayor's
 * mailbox, and letters a department sends back, are triaged and dispatched by the clerks.
 */
@Service
class Triage {

    static final int MAX_COHANDLERS = 10;

    private final CaseSteps steps;
    private final LetterStore letters;
    private final CaseStore cases;
    private final MailboxDepartments departments;

    Triage(CaseSteps steps, LetterStore letters, CaseStore cases, MailboxDepartments departments) {
        this.steps = steps;
        this.letters = letters;
        this.cases = cases;
        this.departments = departments;
    }

    Mono<Letter> accept(long id, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            return steps.run(id, user, "mailbox.letter.accepted", Map.of(), c -> {
                Letter l = c.letter();
                CaseAccess.require(l, c.cohandlers(), user, CaseAction.ACCEPT);
                if (l.triageDepartmentId() == null) {
                    return letters.route(l.id(), Status.ACCEPTED, null, null, Step.DISPATCH, steps.due(c, Step.DISPATCH))
                            .then(letters.markAccepted(l.id(), c.now()))
                            .then(steps.publicEntry(c, Status.ACCEPTED, "accepted", null, null, null, user));
                }
                // A department accepting a letter to its own mailbox handles it: its reply clock starts now.
                long department = l.triageDepartmentId();
                return letters.route(l.id(), Status.HANDLING, department, department, Step.REPLY, steps.due(c, Step.REPLY))
                        .then(letters.markAccepted(l.id(), c.now()))
                        .then(letters.markDispatched(l.id(), c.now()))
                        .then(steps.publicEntry(c, Status.HANDLING, "accepted", null, null, department, user));
            });
        });
    }

    Mono<Letter> notAccept(long id, String rawReason, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            String reason = MailboxText.required("reason", rawReason, 500, true);
            return steps.run(id, user, "mailbox.letter.not_accepted", Map.of("reason", reason), c -> {
                Letter l = c.letter();
                CaseAccess.require(l, c.cohandlers(), user, CaseAction.NOT_ACCEPT);
                return letters.notAccept(l.id(), reason, c.now())
                        .then(steps.publicEntry(c, Status.NOT_ACCEPTED, "not_accepted", reason, null, l.triageDepartmentId(), user));
            });
        });
    }

    record Dispatch(Long leadDepartmentId, List<Long> cohandlerIds, String note) {
    }

    Mono<Letter> dispatch(long id, Dispatch request, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            if (request.leadDepartmentId() == null) {
                throw ProblemException.invalid("leadDepartmentId", "required");
            }
            long lead = request.leadDepartmentId();
            List<Long> co = request.cohandlerIds() == null ? List.of() : request.cohandlerIds();
            Set<Long> distinct = new LinkedHashSet<>(co);
            if (co.size() > MAX_COHANDLERS || distinct.size() != co.size() || distinct.contains(lead) || distinct.contains(null)) {
                throw ProblemException.invalid("cohandlerIds", "cohandlers", MAX_COHANDLERS);
            }
            String note = MailboxText.optional("note", request.note(), 2000, true);
            return departments.byId(lead).switchIfEmpty(Mono.error(() -> ProblemException.invalid("leadDepartmentId", "unknown_department")))
                    .thenMany(Flux.fromIterable(distinct).concatMap(d -> departments.byId(d)
                            .switchIfEmpty(Mono.error(() -> ProblemException.invalid("cohandlerIds", "unknown_department")))))
                    .then(steps.run(id, user, "mailbox.letter.dispatched", Map.of("leadDepartmentId", lead, "cohandlerIds", List.copyOf(distinct)), c -> {
                        Letter l = c.letter();
                        CaseAccess.require(l, c.cohandlers(), user, CaseAction.DISPATCH);
                        return letters.route(l.id(), Status.HANDLING, null, lead, Step.REPLY, steps.due(c, Step.REPLY))
                                .then(letters.markDispatched(l.id(), c.now()))
                                .then(cases.setCohandlers(l.id(), distinct, c.now()))
                                .then(steps.publicEntry(c, Status.HANDLING, "dispatched", null, note, lead, user));
                    }));
        });
    }

    /**
     * Sends a case back to the city office: from a department's triage (not its letter to handle)
     * or from the lead department (not its matter). The office's own step restarts with its own
     * deadline: the office receives the case anew.
     */
    Mono<Letter> transferBack(long id, String rawReason, PortalUser user) {
        return Mono.defer(() -> {
            CaseAccess.requireStaff(user);
            String reason = MailboxText.required("reason", rawReason, 500, true);
            return steps.run(id, user, "mailbox.letter.transferred", Map.of("reason", reason), c -> {
                Letter l = c.letter();
                CaseAccess.require(l, c.cohandlers(), user, CaseAction.TRANSFER_BACK);
                boolean fromTriage = l.status() == Status.RECEIVED;
                Long from = fromTriage ? l.triageDepartmentId() : l.leadDepartmentId();
                Mono<Void> routed = fromTriage
                        ? letters.route(l.id(), Status.RECEIVED, null, null, Step.ACCEPT, steps.due(c, Step.ACCEPT))
                        : letters.route(l.id(), Status.ACCEPTED, null, null, Step.DISPATCH, steps.due(c, Step.DISPATCH))
                                .then(cases.setCohandlers(l.id(), new ArrayList<>(), c.now()));
                return routed.then(steps.publicEntry(c, fromTriage ? Status.RECEIVED : Status.ACCEPTED, "transferred", null, reason,
                        from, user));
            });
        });
    }
}
