package org.onestop.mailbox.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.mailbox.open311.Open311Client.children;
import static org.onestop.mailbox.open311.Open311Client.fields;
import static org.onestop.mailbox.open311.Open311Client.json;
import static org.onestop.mailbox.open311.Open311Client.names;
import static org.onestop.mailbox.open311.Open311Client.text;
import static org.onestop.mailbox.open311.Open311Client.xml;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.mailbox.MailboxTest;
import org.onestop.mailbox.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/** Acts as an Open311 GeoReport v2 client against the running portal, in JSON and in XML. */
@MailboxTest
class Open311ApiTests {

    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");
    static final List<String> ATTRIBUTE_FIELDS = List.of("variable", "code", "datatype", "required", "datatype_description",
            "order", "description", "values");
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestClock clock;

    private static int fixtures;
    private Open311Client client;
    private String prefix;
    private String key;

    @BeforeEach
    void partner() {
        prefix = "o311a" + (++fixtures);
        client = new Open311Client(app, port, prefix);
        key = client.issueKey("Partner app", prefix + "_partner").path("key").asString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Map<String, String> request(String serviceCode, String description) {
        Map<String, String> form = new HashMap<>();
        form.put("api_key", key);
        form.put("service_code", serviceCode);
        form.put("lat", "36.0671");
        form.put("long", "120.3826");
        form.put("description", description);
        form.put("attribute[respondent]", "某物业公司");
        return form;
    }

    private String postJson(Map<String, String> form) {
        return json(client.post("json", form).expectStatus().isCreated()).get(0).path("service_request_id").asString();
    }

    private long letters() {
        return db.sql("SELECT count(*) FROM mailbox_letter").map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void servicesListEveryMailboxKindWithTheSpecFieldsInJsonAndXml() {
        JsonNode services = json(client.get("services.json").expectStatus().isOk());
        JsonNode housing = services.valueStream().filter(s -> s.path("service_code").asString().equals("HOUSING.complaint"))
                .findFirst().orElseThrow();
        assertThat(fields(housing)).containsExactlyElementsOf(SERVICE_FIELDS);
        assertThat(housing.path("metadata").isBoolean()).isTrue();
        assertThat(housing.path("type").asString()).isEqualTo("realtime");
        assertThat(services.valueStream().filter(s -> s.path("group").asString().equals(housing.path("group").asString())))
                .hasSize(5);
        assertThat(services.valueStream().map(s -> s.path("service_code").asString())).contains("mayor.help");

        Element root = xml(client.get("services.xml").expectStatus().isOk()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("services");
        assertThat(names(root)).allMatch("service"::equals).hasSize(services.size());
        Element first = children(root).getFirst();
        assertThat(names(first)).containsExactlyElementsOf(SERVICE_FIELDS);
    }

    @Test
    void serviceDefinitionHasAttributesInTheSpecShapeInJsonAndXml() {
        JsonNode definition = json(client.get("services/HOUSING.complaint.json").expectStatus().isOk());
        assertThat(definition.path("service_code").asString()).isEqualTo("HOUSING.complaint");
        JsonNode attributes = definition.path("attributes");
        assertThat(attributes.size()).isGreaterThanOrEqualTo(1);
        attributes.valueStream().forEach(a -> assertThat(fields(a)).containsExactlyElementsOf(ATTRIBUTE_FIELDS));
        JsonNode contact = attributes.valueStream().filter(a -> a.path("code").asString().equals("contact_preference"))
                .findFirst().orElseThrow();
        assertThat(contact.path("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(fields(contact.path("values").get(0))).containsExactly("key", "name");
        JsonNode respondent = attributes.valueStream().filter(a -> a.path("code").asString().equals("respondent"))
                .findFirst().orElseThrow();
        assertThat(respondent.path("required").asBoolean()).isTrue();

        Element root = xml(client.get("services/HOUSING.complaint.xml").expectStatus().isOk()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_definition");
        assertThat(text(root, "service_code")).isEqualTo("HOUSING.complaint");
        Element xmlAttributes = children(root).get(1);
        assertThat(xmlAttributes.getTagName()).isEqualTo("attributes");
        Element xmlContact = children(xmlAttributes).stream().filter(a -> text(a, "code").equals("contact_preference"))
                .findFirst().orElseThrow();
        assertThat(names(xmlContact)).containsExactlyElementsOf(ATTRIBUTE_FIELDS);
        Element values = children(xmlContact).getLast();
        assertThat(names(children(values).getFirst())).containsExactly("key", "name");
    }

    @Test
    void unknownServiceCodeDefinitionIsNotFoundInTheErrorForm() {
        JsonNode errors = json(client.get("services/NOPE.complaint.json").expectStatus().isNotFound());
        assertThat(fields(errors.get(0))).containsExactly("code", "description");
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(404);

        Element root = xml(client.get("services/HOUSING.nothing.xml").expectStatus().isNotFound()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        assertThat(text(children(root).getFirst(), "code")).isEqualTo("404");
        assertThat(text(children(root).getFirst(), "description")).isNotBlank();
    }

    @Test
    void postedRequestBecomesAnOpen311LetterAndReadsBackInJsonAndXml() {
        Map<String, String> form = request("HOUSING.complaint", "楼道灯坏了一个月\n三楼到五楼都不亮");
        form.put("email", "li@example.com");
        form.put("first_name", "Lei");
        form.put("last_name", "Li");
        form.put("phone", "13800000000");
        form.put("media_url", "https://partner.example.com/photos/1.jpg");
        form.put("address_string", "市南区香港中路 1 号");
        JsonNode posted = json(client.post("json", form).expectStatus().isCreated());
        assertThat(posted.size()).isEqualTo(1);
        assertThat(fields(posted.get(0))).containsExactly("service_request_id", "token", "service_notice", "account_id");
        String id = posted.get(0).path("service_request_id").asString();
        assertThat(posted.get(0).path("token").isNull()).isTrue();

        Map<String, Object> row = db.sql("""
                SELECT source, service_code, writer_id, kind, mailbox_department_id, title, body, consent_to_publish
                FROM mailbox_letter WHERE tracking_number = :n""").bind("n", id).fetch().one().block(Duration.ofSeconds(5));
        assertThat(row).containsEntry("source", "open311").containsEntry("service_code", "HOUSING.complaint")
                .containsEntry("writer_id", client.partnerId).containsEntry("kind", "complaint")
                .containsEntry("title", "楼道灯坏了一个月").containsEntry("consent_to_publish", false);
        assertThat((String) row.get("body")).contains("三楼到五楼都不亮", "某物业公司", "13800000000");
        long events = db.sql("SELECT count(*) FROM mailbox_event e JOIN mailbox_letter l ON l.id = e.letter_id WHERE l.tracking_number = :n")
                .bind("n", id).map(r -> r.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(events).isEqualTo(1);

        JsonNode read = json(client.get("requests/" + id + ".json").expectStatus().isOk());
        JsonNode one = read.get(0);
        assertThat(fields(one)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(one.path("status").asString()).isEqualTo("open");
        assertThat(one.path("service_code").asString()).isEqualTo("HOUSING.complaint");
        assertThat(one.path("description").asString()).isEqualTo("楼道灯坏了一个月\n三楼到五楼都不亮");
        assertThat(one.path("agency_responsible").asString()).isNotBlank();
        assertThat(one.path("lat").asDouble()).isEqualTo(36.0671);
        assertThat(one.path("long").asDouble()).isEqualTo(120.3826);
        assertThat(one.path("media_url").asString()).isEqualTo("https://partner.example.com/photos/1.jpg");
        assertThat(one.path("address").asString()).isEqualTo("市南区香港中路 1 号");
        assertThat(Instant.parse(java.time.OffsetDateTime.parse(one.path("requested_datetime").asString()).toInstant().toString()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(one.path("requested_datetime").asString()).endsWith("+08:00");
        assertThat(one.path("expected_datetime").asString()).isNotBlank();
        assertThat(one.toString()).doesNotContain("13800000000", "li@example.com");

        Element postedXml = xml(client.post("xml", request("mayor.help", "小区停水")).expectStatus().isCreated()).getDocumentElement();
        assertThat(postedXml.getTagName()).isEqualTo("service_requests");
        Element request = children(postedXml).getFirst();
        assertThat(request.getTagName()).isEqualTo("request");
        String xmlId = text(request, "service_request_id");
        assertThat(text(request, "service_notice")).isNotBlank();

        Element readXml = xml(client.get("requests/" + xmlId + ".xml").expectStatus().isOk()).getDocumentElement();
        assertThat(readXml.getTagName()).isEqualTo("service_requests");
        Element readRequest = children(readXml).getFirst();
        assertThat(names(readRequest)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(text(readRequest, "service_code")).isEqualTo("mayor.help");
        assertThat(text(readRequest, "status")).isEqualTo("open");
        assertThat(text(readRequest, "lat")).isEqualTo("36.0671");
    }

    @Test
    void postWithoutValidApiKeyIsForbiddenInTheErrorFormAndStoresNothing() {
        long before = letters();
        long requestsBefore = db.sql("SELECT count(*) FROM open311_request").map(r -> r.get(0, Long.class)).one().block();
        Map<String, String> missing = request("HOUSING.complaint", "无密钥");
        missing.remove("api_key");
        JsonNode errors = json(client.post("json", missing).expectStatus().isForbidden());
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(403);
        assertThat(fields(errors.get(0))).containsExactly("code", "description");

        Map<String, String> wrong = request("HOUSING.complaint", "错误密钥");
        wrong.put("api_key", key + "x");
        Element root = xml(client.post("xml", wrong).expectStatus().isForbidden()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        assertThat(text(children(root).getFirst(), "code")).isEqualTo("403");

        long keyId = client.admin.get("/api/admin/open311/keys").expectBody(JsonNode.class).returnResult().getResponseBody()
                .get(0).path("id").asLong();
        client.admin.post("/api/admin/open311/keys/" + keyId + "/revoke", Map.of()).expectStatus().isOk();
        json(client.post("json", request("HOUSING.complaint", "已吊销密钥")).expectStatus().isForbidden());

        assertThat(letters()).isEqualTo(before);
        assertThat(db.sql("SELECT count(*) FROM open311_request").map(r -> r.get(0, Long.class)).one().block())
                .isEqualTo(requestsBefore);
    }

    @Test
    void postWithUnknownServiceCodeMissingAttributeOrNoLocationIsBadRequestAndStoresNothing() {
        long before = letters();
        JsonNode unknown = json(client.post("json", request("HOUSING.nothing", "未知服务")).expectStatus().isBadRequest());
        assertThat(unknown.get(0).path("code").asInt()).isEqualTo(400);

        Map<String, String> noRespondent = request("HOUSING.complaint", "缺少必填属性");
        noRespondent.remove("attribute[respondent]");
        json(client.post("json", noRespondent).expectStatus().isBadRequest());

        Map<String, String> nowhere = request("HOUSING.complaint", "没有位置");
        nowhere.remove("lat");
        nowhere.remove("long");
        Element root = xml(client.post("xml", nowhere).expectStatus().isBadRequest()).getDocumentElement();
        assertThat(text(children(root).getFirst(), "code")).isEqualTo("400");

        Map<String, String> badList = request("HOUSING.complaint", "错误的列表值");
        badList.put("attribute[contact_preference]", "pigeon");
        json(client.post("json", badList).expectStatus().isBadRequest());
        assertThat(letters()).isEqualTo(before);
    }

    @Test
    void requestsDefaultToTheLast90Days() {
        clock.set(Instant.now().minus(Duration.ofDays(100)));
        String old = postJson(request("HOUSING.help", "一百天前的请求"));
        clock.reset();
        String recent = postJson(request("HOUSING.help", "今天的请求"));

        List<String> ids = json(client.get("requests.json").expectStatus().isOk()).valueStream()
                .map(r -> r.path("service_request_id").asString()).toList();
        assertThat(ids).contains(recent).doesNotContain(old);

        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        String start = date(now.minusDays(110));
        String end = date(now.minusDays(20));
        List<String> older = json(client.get("requests.json?start_date=" + start + "&end_date=" + end).expectStatus().isOk())
                .valueStream().map(r -> r.path("service_request_id").asString()).toList();
        assertThat(older).contains(old).doesNotContain(recent);
    }

    /** The date-time in UTC ("…Z"), so no '+' needs encoding in the query. */
    private static String date(java.time.OffsetDateTime at) {
        return at.toInstant().toString();
    }

    @Test
    void startAndEndDateSpanningMoreThan90DaysIsBadRequestInTheErrorForm() {
        java.time.OffsetDateTime end = java.time.OffsetDateTime.parse("2026-06-30T12:00:00+08:00");
        json(client.get("requests.json?start_date=" + date(end.minusDays(90)) + "&end_date=" + date(end)).expectStatus().isOk());
        JsonNode errors = json(client.get("requests.json?start_date=" + date(end.minusDays(90).minusSeconds(1)) + "&end_date="
                + date(end)).expectStatus().isBadRequest());
        assertThat(fields(errors.get(0))).containsExactly("code", "description");
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(400);
        assertThat(errors.get(0).path("description").asString()).contains("90 days");
        Element root = xml(client.get("requests.xml?start_date=" + date(end.minusDays(120)) + "&end_date=" + date(end))
                .expectStatus().isBadRequest()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        assertThat(text(children(root).getFirst(), "code")).isEqualTo("400");
    }

    @Test
    void descriptionsServedByGetRequestsAreMaskedInJsonAndXml() {
        Map<String, String> form = request("HOUSING.complaint",
                "我叫王小明，身份证号11010519491231002X，电话13812345678，住香港中路88号金茂小区3号楼2单元301室。楼道灯坏了。");
        form.put("first_name", "建国");
        form.put("last_name", "赵");
        form.put("description", form.get("description") + "联系人赵建国。");
        String id = postJson(form);
        String stored = db.sql("SELECT description FROM open311_request r JOIN mailbox_letter l ON l.id = r.letter_id WHERE l.tracking_number = :n")
                .bind("n", id).map(r -> r.get(0, String.class)).one().block(Duration.ofSeconds(5));
        assertThat(stored).as("staff keep the original").contains("王小明", "13812345678");

        String json = json(client.get("requests/" + id + ".json").expectStatus().isOk()).get(0).path("description").asString();
        assertThat(json).contains("楼道灯坏了", "138****5678")
                .doesNotContain("王小明", "小明", "11010519491231002X", "13812345678", "88号", "301室", "赵建国");
        List<String> listed = json(client.get("requests.json?service_request_id=" + id).expectStatus().isOk()).valueStream()
                .map(r -> r.path("description").asString()).toList();
        assertThat(listed).containsExactly(json);
        Element request = children(xml(client.get("requests/" + id + ".xml").expectStatus().isOk()).getDocumentElement()).getFirst();
        assertThat(text(request, "description")).isEqualTo(json);
    }

    @Test
    void requestsFilterByIdsServiceCodeAndStatus() {
        String a = postJson(request("HOUSING.help", "请求一"));
        String b = postJson(request("HOUSING.complaint", "请求二"));
        String c = postJson(request("mayor.suggestion", "请求三"));
        db.sql("UPDATE mailbox_letter SET status = 'not_accepted', not_accepted_reason = '不属于受理范围' WHERE tracking_number = :n")
                .bind("n", c).then().block(Duration.ofSeconds(5));

        java.util.Set<String> mine = java.util.Set.of(a, b, c);
        assertThat(ids("requests.json?service_request_id=" + a + "," + c)).containsExactlyInAnyOrder(a, c);
        assertThat(ids("requests.json?service_code=HOUSING.complaint").stream().filter(mine::contains).toList()).containsExactly(b);
        assertThat(ids("requests.json?service_code=HOUSING.complaint,mayor.suggestion").stream().filter(mine::contains).toList()).containsExactlyInAnyOrder(b, c);
        assertThat(ids("requests.json?status=closed").stream().filter(mine::contains).toList()).containsExactly(c);
        assertThat(ids("requests.json?status=open").stream().filter(mine::contains).toList()).containsExactlyInAnyOrder(a, b);
        JsonNode closed = json(client.get("requests/" + c + ".json").expectStatus().isOk()).get(0);
        assertThat(closed.path("status").asString()).isEqualTo("closed");
        assertThat(closed.path("status_notes").asString()).contains("不属于受理范围");

        Element root = xml(client.get("requests.xml?status=open").expectStatus().isOk()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        assertThat(children(root)).allMatch(e -> e.getTagName().equals("request"))
                .extracting(e -> text(e, "service_request_id")).contains(a, b).doesNotContain(c);
    }

    private List<String> ids(String path) {
        return json(client.get(path).expectStatus().isOk()).valueStream().map(r -> r.path("service_request_id").asString()).toList();
    }

    @Test
    void malformedDatesAndStatusesAreBadRequestInTheErrorForm() {
        JsonNode errors = json(client.get("requests.json?start_date=yesterday").expectStatus().isBadRequest());
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(400);
        assertThat(errors.get(0).path("description").asString()).contains("start_date");
        // The spec requires a time zone.
        json(client.get("requests.json?end_date=2026-01-01T10:00:00").expectStatus().isBadRequest());
        Element root = xml(client.get("requests.xml?status=pending").expectStatus().isBadRequest()).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        assertThat(text(children(root).getFirst(), "code")).isEqualTo("400");
    }

    @Test
    void unknownRequestIdOrTokenIsNotFoundInTheErrorForm() {
        JsonNode errors = json(client.get("requests/XX20260101000000.json").expectStatus().isNotFound());
        assertThat(errors.get(0).path("code").asInt()).isEqualTo(404);
        Element root = xml(client.get("tokens/no-such-token.xml").expectStatus().isNotFound()).getDocumentElement();
        assertThat(text(children(root).getFirst(), "code")).isEqualTo("404");
    }

    @Test
    void adminsSeeKeysWithoutTheKeyAndEveryKeyActionIsAudited() {
        JsonNode list = client.admin.get("/api/admin/open311/keys").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(list.toString()).doesNotContain(key);
        assertThat(list.get(0).path("keyPrefix").asString()).isEqualTo(key.substring(0, 12));
        String stored = db.sql("SELECT key_hash FROM open311_api_key").map(r -> r.get(0, String.class)).one().block();
        assertThat(stored).isEqualTo(ApiKeys.hash(key)).isNotEqualTo(key);
        client.admin.post("/api/admin/open311/keys/" + list.get(0).path("id").asLong() + "/revoke", Map.of())
                .expectStatus().isOk().expectBody().jsonPath("$.revoked").isEqualTo(true);
        assertThat(db.sql("SELECT action FROM audit_log WHERE action LIKE 'open311.key.%' ORDER BY id")
                .map(r -> r.get(0, String.class)).all().collectList().block())
                .containsExactly("open311.key.created", "open311.key.revoked");
        // Only admins manage keys.
        client.admin.post("/api/admin/open311/keys", Map.of("name", "x", "username", "nobody_here")).expectStatus().isBadRequest();
    }
}
