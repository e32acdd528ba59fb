package org.onestop.inquiry;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.onestop.inquiry.calendar.CalendarEvent;
import org.onestop.inquiry.calendar.ICalendarWriter;
import org.onestop.mailbox.MailboxCases;
import org.onestop.platform.CityTime;
import org.onestop.security.PortalUser;
import org.onestop.web.ProblemException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What remains of a session once it has ended: the transcript, its statistics, CSV and the calendar feed. */
@Service
class Archive {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CityTime.ZONE);

    private final SessionStore sessions;
    private final Sessions sessionViews;
    private final QuestionStore questions;
    private final SessionRoles roles;
    private final Clock clock;
    private final MailboxCases mailbox;

    Archive(SessionStore sessions, Sessions sessionViews, QuestionStore questions, SessionRoles roles, Clock clock,
            MailboxCases mailbox) {
        this.mailbox = mailbox;
        this.sessions = sessions;
        this.sessionViews = sessionViews;
        this.questions = questions;
        this.roles = roles;
        this.clock = clock;
    }

    Mono<InquiryViews.Transcript> transcript(long id) {
        return sessions.find(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("session", id)))
                .flatMap(row -> !row.status().equals("ended") ? Mono.error(ProblemException.state("session_status"))
                        : Mono.zip(sessionViews.view(row),
                                questions.bySession(id, Set.of("approved")).collectList()
                                        .map(rows -> rows.stream().sorted(java.util.Comparator
                                                .comparing(QuestionStore.Row::publishedAt).thenComparing(QuestionStore.Row::id)).toList())
                                        .flatMap(rows -> QuestionViews.publishedWithAnswers(questions, rows).collectList()),
                                questions.stats(id))
                        .flatMap(t -> followUps(t.getT2()).map(cases -> new InquiryViews.Transcript(t.getT1(), t.getT2(),
                                new InquiryViews.Stats(t.getT3()[4], row.peakViewers(), t.getT3()[0], t.getT3()[1], t.getT3()[2],
                                        t.getT3()[3]), cases))));
    }

    /** Where the followed-up questions stand in the mailbox. */
    private Mono<List<InquiryViews.FollowUpCase>> followUps(List<InquiryViews.PublicQuestion> published) {
        return mailbox.ofQuestions(published.stream().filter(InquiryViews.PublicQuestion::followupRequested)
                        .map(InquiryViews.PublicQuestion::id).toList())
                .map(c -> new InquiryViews.FollowUpCase(c.questionId(), c.caseNo(), c.status()))
                .collectList();
    }

    /** The transcript as CSV for staff, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese right. */
    Mono<String> csv(long id, PortalUser user) {
        return roles.requireStaff(id, user).then(transcript(id)).map(t -> {
            StringBuilder csv = new StringBuilder("\uFEFF");
            csv.append("question_id,asked_at,asker,question,votes,follow_up,answer_id,answered_at,official,answer\r\n");
            for (InquiryViews.PublicQuestion q : t.questions()) {
                List<InquiryViews.Answer> answers = q.answers().isEmpty() ? java.util.Collections.singletonList(null) : q.answers();
                for (InquiryViews.Answer a : answers) {
                    row(csv, String.valueOf(q.id()), CSV_TIME.format(q.askedAt()), q.asker(), q.text(),
                            String.valueOf(q.votes()), q.followupRequested() ? "yes" : "no",
                            a == null ? "" : String.valueOf(a.id()), a == null ? "" : CSV_TIME.format(a.postedAt()),
                            a == null ? "" : a.official().name(), a == null ? "" : a.text());
                }
            }
            return csv.toString();
        });
    }

    Mono<String> calendar(Long departmentId) {
        return sessions.page(null, departmentId, 0, 500)
                .map(s -> new CalendarEvent("inquiry-" + s.id() + "@onestop", s.title(), s.description().isEmpty() ? null : s.description(),
                        null, s.startsAt(), s.endsAt(), clock.instant(), false))
                .collectList()
                .map(events -> ICalendarWriter.write("网络问政 · OneStop", events, clock.instant()));
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells[i];
            // Cells starting with = + - @ would run as formulas in a spreadsheet: neutralise them.
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }
}
