package org.onestop.disclosure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.onestop.PortalClient;
import org.onestop.account.Department;
import org.onestop.account.Departments;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Officials, signed-in clients and hand-written corpora for the disclosure tests. */
final class DisclosureFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationContext app;
    private final int port;
    private final List<GeneratedDocument> corpus = new ArrayList<>();

    DisclosureFixture(ApplicationContext app, int port) {
        this.app = app;
        this.port = port;
    }

    Department department(String code) {
        return app.getBean(Departments.class).byCode(code).block(Duration.ofSeconds(10));
    }

    PortalClient anonymous() {
        return new PortalClient(port);
    }

    /** A new official of the department with this code, signed in. */
    PortalClient official(String username, String departmentCode) {
        TestAccounts.staff(app, username, departmentCode, Role.OFFICIAL);
        return new PortalClient(port).login(username, TestAccounts.PASSWORD);
    }

    /** Adds a document to the corpus; its ordinal is its position. Body lines must not contain markup characters. */
    DisclosureFixture add(String departmentCode, String category, String title, String docNumber, String date, String body) {
        Department d = department(departmentCode);
        corpus.add(new GeneratedDocument(corpus.size(), d.id(), d.code(), category, title, docNumber, null,
                LocalDate.parse(date), "valid", body, -1));
        return this;
    }

    /** Loads the corpus (and clears it) through the bulk loader; the ids in corpus order. */
    long[] load() {
        long[] ids = app.getBean(BulkLoader.class).load(List.copyOf(corpus)).block(Duration.ofMinutes(2));
        corpus.clear();
        return ids;
    }

    static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBodyContent();
        return JSON.readTree(body);
    }
}
