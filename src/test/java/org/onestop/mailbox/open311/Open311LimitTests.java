package org.onestop.mailbox.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.mailbox.open311.Open311Client.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.mailbox.MailboxTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The cap on GET requests (the spec's 1,000, configured lower here) and answers with tokens. */
@MailboxTest
@TestPropertySource(properties = {"onestop.open311.max-requests=3", "onestop.open311.answer-with-token=true"})
class Open311LimitTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Test
    void requestsAreCappedAtTheConfiguredLimitNewestFirstAndTokensResolveToIds() {
        Open311Client client = new Open311Client(app, port, "o311lim");
        String key = client.issueKey("Batch partner", "o311lim_partner").path("key").asString();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode posted = json(client.post("json", Map.of("api_key", key, "service_code", "HOUSING.help",
                    "address_string", "市南区香港中路 " + i + " 号", "description", "请求 " + i)).expectStatus().isCreated()).get(0);
            assertThat(posted.path("service_request_id").isNull()).isTrue();
            tokens.add(posted.path("token").asString());
        }
        List<String> ids = new ArrayList<>();
        for (String token : tokens) {
            JsonNode resolved = json(client.get("tokens/" + token + ".json").expectStatus().isOk()).get(0);
            assertThat(resolved.path("token").asString()).isEqualTo(token);
            ids.add(resolved.path("service_request_id").asString());
        }
        JsonNode listed = json(client.get("requests.json").expectStatus().isOk());
        assertThat(listed.valueStream().map(r -> r.path("service_request_id").asString()).toList())
                .containsExactly(ids.get(3), ids.get(2), ids.get(1));
    }
}
