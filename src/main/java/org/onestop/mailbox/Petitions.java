package org.onestop.mailbox;

import java.util.List;
import org.onestop.web.FieldProblem;

/**
 * What a petition (网上信访) needs beyond a letter. The petitioned organ is the mailbox written
 * to (the mayor's: the city government), the facts and reasons are the body, and the request (信访
 * 请求) is its own field. A petition makes a request of an organ, so a consultation (咨询) is not
 * one; and the organ must be able to tell the petitioner its decisions, so a way to contact them is
 * required (the petitioner's real name is their account's).
 */
final class Petitions {

    private Petitions() {
    }

    /** Adds the problems of a petition's kind and contact preference. */
    static void check(LetterKind kind, String contact, List<FieldProblem> problems) {
        if (kind == LetterKind.CONSULTATION) {
            problems.add(FieldProblem.of("kind", "petition_kind"));
        }
        if ("none".equals(contact)) {
            problems.add(FieldProblem.of("contactPreference", "petition_contact"));
        }
    }
}
