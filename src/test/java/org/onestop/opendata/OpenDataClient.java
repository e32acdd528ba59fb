package org.onestop.opendata;

import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers for reading JSON answers in the open data tests. */
public final class OpenDataClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenDataClient() {
    }

    public static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBodyContent();
        return JSON.readTree(body);
    }
}
