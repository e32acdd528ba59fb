package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

class ProblemAdviceTests {

    private final ProblemAdvice advice = new ProblemAdvice(new Problems(new StaticMessageSource()));

    private static MockServerWebExchange post() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/inquiry/questions/3/answers"));
    }

    @Test
    void clientGoneMidResponseIsPassedOnInsteadOfAnsweredWith500() {
        AbortedException gone = new AbortedException("Connection has been closed BEFORE send operation");
        StepVerifier.create(advice.unexpected(gone, post())).expectErrorSatisfies(e -> assertThat(e).isSameAs(gone)).verify();
        IOException reset = new IOException("Connection reset by peer");
        StepVerifier.create(advice.unexpected(reset, post())).expectErrorSatisfies(e -> assertThat(e).isSameAs(reset)).verify();
    }

    @Test
    void errorAfterTheResponseWasCommittedIsPassedOn() {
        MockServerWebExchange exchange = post();
        exchange.getResponse().setComplete().block();
        IllegalStateException late = new IllegalStateException("late");
        StepVerifier.create(advice.unexpected(late, exchange)).expectErrorSatisfies(e -> assertThat(e).isSameAs(late)).verify();
    }

    @Test
    void otherUnexpectedErrorStillGets500Problem() {
        StepVerifier.create(advice.unexpected(new IllegalStateException("bug"), post()))
                .assertNext(response -> {
                    assertThat(response.getStatusCode().value()).isEqualTo(500);
                    assertThat(response.getBody().getType().toString()).isEqualTo("urn:onestop:problem:internal");
                })
                .verifyComplete();
    }
}
