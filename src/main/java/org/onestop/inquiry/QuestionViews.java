package org.onestop.inquiry;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Turns stored questions and answers into the public and staff views, answers attached. */
final class QuestionViews {

    private QuestionViews() {
    }

    static InquiryViews.Answer answer(QuestionStore.AnswerRow a) {
        return new InquiryViews.Answer(a.id(), a.questionId(), a.text(),
                new InquiryViews.Signature(a.officialName(), a.officialTitle(), a.department()), a.postedAt(), a.editedAt());
    }

    static InquiryViews.PublicQuestion published(QuestionStore.Row q, List<InquiryViews.Answer> answers) {
        return new InquiryViews.PublicQuestion(q.id(), q.text(), q.anonymous() ? InquiryViews.ANONYMOUS : q.askerName(),
                q.anonymous(), q.submittedAt(), q.votes(), q.pinned(), q.followupRequested(), answers);
    }

    static InquiryViews.Asker asker(QuestionStore.Row q) {
        return new InquiryViews.Asker(q.askerId(), q.askerName(), q.anonymous());
    }

    static InquiryViews.StaffQuestion staff(QuestionStore.Row q, List<InquiryViews.Answer> answers) {
        return new InquiryViews.StaffQuestion(q.id(), q.text(), q.originalText(), q.status(), asker(q), q.flags(),
                q.submittedAt(), q.votes(), q.pinned(), q.followupRequested(), answers);
    }

    /** Loads the answers of the given questions in one query, grouped by question. */
    static Mono<Map<Long, List<InquiryViews.Answer>>> answersOf(QuestionStore store, List<QuestionStore.Row> questions) {
        return store.answersOf(questions.stream().map(QuestionStore.Row::id).toList())
                .map(QuestionViews::answer)
                .collect(Collectors.groupingBy(InquiryViews.Answer::questionId));
    }

    static Flux<InquiryViews.PublicQuestion> publishedWithAnswers(QuestionStore store, List<QuestionStore.Row> questions) {
        return answersOf(store, questions).flatMapMany(answers -> Flux.fromIterable(questions)
                .map(q -> published(q, answers.getOrDefault(q.id(), List.of()))));
    }
}
