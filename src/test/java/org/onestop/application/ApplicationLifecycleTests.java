package org.onestop.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.application.ApplicationFixture.json;
import static org.onestop.application.ApplicationFixture.put;
import static org.onestop.application.ApplicationFixture.upload;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalTest;
import org.onestop.live.WsClient;
import org.onestop.platform.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** An application from draft to issued result, and what a later form version does to it. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationLifecycleTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    WorkingDays workingDays;

    ApplicationFixture f;

    @BeforeAll
    void setUp() {
        f = new ApplicationFixture(app, port, "life");
    }

    @Test
    void submitAcceptSupplementResubmitApproveAndIssueResultTellingTheApplicantEachTime() {
        ApplicationFixture.Person citizen = f.citizen("zhang");
        long id = f.transferDraft(citizen.client());
        String origin = "http://localhost:" + port;
        try (WsClient own = WsClient.connect(port, citizen.client().cookies(), origin)) {
            assertThat(own.join("user:" + citizen.id(), null).path("status").asString()).isEqualTo("ok");

            JsonNode submitted = json(citizen.client().post("/api/applications/" + id + "/submit", Map.of()).expectStatus().isOk());
            String number = submitted.path("number").asString();
            assertThat(number).matches("SQ\\d{8}\\d{6}");
            assertThat(submitted.path("status").asString()).isEqualTo("submitted");
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            int promised = f.services.stream().filter(s -> s.nameZh().equals("普通高中转学")).findFirst().orElseThrow().promisedDays();
            assertThat(submitted.path("dueDate").asString())
                    .isEqualTo(workingDays.dueDate(today, promised).block().toString());
            JsonNode receipt = json(citizen.client().get("/api/applications/" + id + "/receipt").expectStatus().isOk());
            assertThat(receipt.path("number").asString()).isEqualTo(number);
            assertThat(receipt.path("materials").size()).isEqualTo(4);

            JsonNode queue = json(f.edu.get("/api/applications/review").expectStatus().isOk());
            assertThat(queue.path("items").findValuesAsString("number")).contains(number);
            f.edu.post("/api/applications/" + id + "/accept", Map.of("note", "材料齐全")).expectStatus().isOk();
            JsonNode asked = json(f.edu.post("/api/applications/" + id + "/supplement", Map.of("note", "户口簿复印件不清晰",
                    "missing", List.of(Map.of("kind", "material", "code", "household", "note", "请重新上传清晰的户口簿"))))
                    .expectStatus().isOk());
            assertThat(asked.path("status").asString()).isEqualTo("supplement_requested");

            JsonNode seen = json(citizen.client().get("/api/applications/" + id).expectStatus().isOk());
            assertThat(seen.path("missing").get(0).path("code").asString()).isEqualTo("household");
            assertThat(seen.path("allowedActions").toString()).contains("resubmit");
            upload(citizen.client(), id, "household", "户口簿.png", ApplicationFixture.PNG).expectStatus().isCreated();
            JsonNode again = json(citizen.client().post("/api/applications/" + id + "/resubmit", Map.of()).expectStatus().isOk());
            assertThat(again.path("status").asString()).isEqualTo("submitted");
            assertThat(again.path("number").asString()).as("same number after 补正").isEqualTo(number);
            assertThat(again.path("missing").size()).isZero();

            f.edu.post("/api/applications/" + id + "/accept", Map.of()).expectStatus().isOk();
            f.edu.post("/api/applications/" + id + "/approve", Map.of("note", "同意转学")).expectStatus().isOk();
            JsonNode done = json(f.edu.post("/api/applications/" + id + "/result", Map.of()).expectStatus().isOk());
            assertThat(done.path("status").asString()).isEqualTo("completed");
            assertThat(done.path("resultAvailable").asBoolean()).isTrue();

            byte[] document = citizen.client().get("/api/applications/" + id + "/result").expectStatus().isOk()
                    .expectHeader().valueMatches("Content-Disposition", "attachment.*")
                    .expectBody().returnResult().getResponseBody();
            String html = new String(document, StandardCharsets.UTF_8);
            assertThat(html).contains(number, "准予办理决定书", "普通高中转学", "市教育局");

            for (String status : List.of("已提交", "已受理", "待补正", "审批通过", "已办结")) {
                own.event("user:" + citizen.id(), "notification", d -> "application.status".equals(d.path("kind").asString())
                        && d.path("title").asString().contains(status) && d.path("link").asString().endsWith("?id=" + id));
            }
            assertThat(own.events("user:" + citizen.id()).stream()
                    .filter(e -> e.path("data").path("title").asString().contains("已提交")).count())
                    .as("submitted twice, told twice").isEqualTo(2);
        }
        JsonNode timeline = json(citizen.client().get("/api/applications/" + id).expectStatus().isOk()).path("timeline");
        assertThat(timeline.findValuesAsString("status")).containsExactly("draft", "submitted", "accepted",
                "supplement_requested", "submitted", "accepted", "approved", "completed");
        assertThat(f.count("SELECT count(*) FROM audit_log WHERE target_type = 'application' AND target_id = '" + id + "'"))
                .isEqualTo(7);
    }

    @Test
    void officialRejectsWithReasonAndTheRejectionIsADownloadableDecision() {
        ApplicationFixture.Person citizen = f.citizen("reject");
        long id = f.transferDraft(citizen.client());
        citizen.client().post("/api/applications/" + id + "/submit", Map.of()).expectStatus().isOk();
        f.edu.post("/api/applications/" + id + "/reject", Map.of()).expectStatus().isBadRequest();
        JsonNode rejected = json(f.edu.post("/api/applications/" + id + "/reject", Map.of("reason", "转入学校无学位"))
                .expectStatus().isOk());
        assertThat(rejected.path("status").asString()).isEqualTo("rejected");
        f.edu.post("/api/applications/" + id + "/approve", Map.of()).expectStatus().isEqualTo(409);
        String html = new String(citizen.client().get("/api/applications/" + id + "/result").expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(html).contains("不予批准决定书", "转入学校无学位");
    }

    @Test
    void newFormVersionLeavesSubmittedApplicationsOnTheirVersionAndValid() {
        ApplicationFixture.Person citizen = f.citizen("version");
        // The other service than the other tests use, so its new version does not change their form.
        String code = f.service("初中转学");
        long old = f.transferDraft(citizen.client(), "初中转学");
        citizen.client().post("/api/applications/" + old + "/submit", Map.of()).expectStatus().isOk();
        int before = json(f.edu.get("/api/services/" + code + "/form").expectStatus().isOk()).path("version").asInt();

        JsonNode current = json(f.edu.get("/api/services/" + code + "/form").expectStatus().isOk()).path("definition");
        var changed = (tools.jackson.databind.node.ObjectNode) current.deepCopy();
        ((tools.jackson.databind.node.ArrayNode) changed.path("fields")).addPOJO(Map.of("name", "schoolCode", "type", "text",
                "label", Map.of("zh", "转入学校代码", "en", "School code"), "required", true));
        JsonNode saved = json(put(f.admin, "/api/admin/services/" + code + "/form", Map.of("definition", changed))
                .expectStatus().isOk());
        assertThat(saved.path("version").asInt()).isEqualTo(before + 1);

        JsonNode oldView = json(citizen.client().get("/api/applications/" + old).expectStatus().isOk());
        assertThat(oldView.path("formVersion").asInt()).isEqualTo(before);
        assertThat(oldView.path("definition").path("fields").toString()).doesNotContain("schoolCode");
        assertThat(oldView.path("data").path("studentName").asString()).isEqualTo("李小明");
        f.edu.post("/api/applications/" + old + "/supplement", Map.of("note", "请补充说明",
                "missing", List.of(Map.of("kind", "field", "code", "reasonOther")))).expectStatus().isOk();
        citizen.client().post("/api/applications/" + old + "/resubmit", Map.of()).expectStatus().isOk();

        long fresh = f.transferDraft(citizen.client(), "初中转学");
        JsonNode problem = json(citizen.client().post("/api/applications/" + fresh + "/submit", Map.of()).expectStatus().isBadRequest());
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("data.schoolCode");
        JsonNode freshView = json(citizen.client().get("/api/applications/" + fresh).expectStatus().isOk());
        assertThat(freshView.path("formVersion").asInt()).isEqualTo(before + 1);
    }
}
