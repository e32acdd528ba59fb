package org.onestop.inquiry;

import java.util.List;
import java.util.Map;
import org.onestop.security.PortalUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Asking, voting, moderating and answering: the write side of live inquiry (live-protocol.md). */
@RestController
class QuestionController {

    private final Questions questions;
    private final Moderation moderation;
    private final Answers answers;

    QuestionController(Questions questions, Moderation moderation, Answers answers) {
        this.questions = questions;
        this.moderation = moderation;
        this.answers = answers;
    }

    record AskRequest(String text, Boolean anonymous) {
    }

    record TextRequest(String text) {
    }

    record RejectRequest(String reason) {
    }

    record MergeRequest(Long into) {
    }

    @PostMapping("/api/inquiry/sessions/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Questions.Asked> ask(@PathVariable long id, @RequestBody AskRequest request, @AuthenticationPrincipal PortalUser user) {
        return questions.ask(id, request.text(), Boolean.TRUE.equals(request.anonymous()), user);
    }

    @GetMapping("/api/inquiry/sessions/{id}/questions")
    Mono<List<InquiryViews.StaffQuestion>> forStaff(@PathVariable long id, @RequestParam(required = false) String status,
            @AuthenticationPrincipal PortalUser user) {
        return questions.forStaff(id, status, user);
    }

    @PutMapping("/api/inquiry/questions/{id}/vote")
    Mono<Map<String, Integer>> vote(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return questions.vote(id, user, true);
    }

    @DeleteMapping("/api/inquiry/questions/{id}/vote")
    Mono<Map<String, Integer>> unvote(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return questions.vote(id, user, false);
    }

    @PostMapping("/api/inquiry/questions/{id}/approve")
    Mono<InquiryViews.StaffQuestion> approve(@PathVariable long id, @RequestBody(required = false) TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return moderation.approve(id, request == null ? null : request.text(), user);
    }

    @PostMapping("/api/inquiry/questions/{id}/reject")
    Mono<InquiryViews.StaffQuestion> reject(@PathVariable long id, @RequestBody RejectRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return moderation.reject(id, request.reason(), user);
    }

    @PostMapping("/api/inquiry/questions/{id}/merge")
    Mono<InquiryViews.StaffQuestion> merge(@PathVariable long id, @RequestBody MergeRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return moderation.merge(id, request.into(), user);
    }

    @PostMapping("/api/inquiry/questions/{id}/pin")
    Mono<InquiryViews.StaffQuestion> pin(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return moderation.pin(id, true, user);
    }

    @PostMapping("/api/inquiry/questions/{id}/unpin")
    Mono<InquiryViews.StaffQuestion> unpin(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return moderation.pin(id, false, user);
    }

    @PostMapping("/api/inquiry/questions/{id}/hide")
    Mono<InquiryViews.StaffQuestion> hide(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return moderation.hide(id, user);
    }

    @PostMapping("/api/inquiry/questions/{id}/followup")
    Mono<InquiryViews.StaffQuestion> followup(@PathVariable long id, @AuthenticationPrincipal PortalUser user) {
        return answers.followup(id, user);
    }

    @PostMapping("/api/inquiry/questions/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<InquiryViews.Answer> answer(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return answers.answer(id, request.text(), user);
    }

    @PutMapping("/api/inquiry/answers/{id}")
    Mono<InquiryViews.Answer> edit(@PathVariable long id, @RequestBody TextRequest request,
            @AuthenticationPrincipal PortalUser user) {
        return answers.edit(id, request.text(), user);
    }
}
