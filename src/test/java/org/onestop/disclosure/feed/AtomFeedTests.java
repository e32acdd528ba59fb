package org.onestop.disclosure.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.account.Departments;
import org.onestop.account.TestAccounts;
import org.onestop.mailbox.MailboxTest;
import org.onestop.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Atom feeds, parsed as XML: documents published through the API (one with markup
 * characters in its title, one withdrawn), and a bulk of older ones to show the limit of 50.
 * Shares the mailbox tests' application context, as the request tests do.
 */
@MailboxTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtomFeedTests {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    @Autowired
    DatabaseClient db;

    private long escaped;
    private long withdrawn;
    private long newest;

    private long publish(PortalClient official, String title, String category, String date) {
        byte[] body = official.post("/api/disclosure/manage/documents", Map.of("title", title, "category", category,
                "docNumber", "青人社发〔2026〕9号", "publishedOn", date, "validity", "valid", "body", "<p>正文</p>"))
                .expectStatus().isCreated().expectBody().returnResult().getResponseBodyContent();
        return JSON.readTree(body).path("id").asLong();
    }

    @BeforeAll
    void documents() {
        TestAccounts.staff(app, "feedhrss", "HRSS", Role.OFFICIAL);
        PortalClient hrss = new PortalClient(port).login("feedhrss", TestAccounts.PASSWORD);
        long department = app.getBean(Departments.class).byCode("HRSS").block(Duration.ofSeconds(5)).id();
        // Sixty older documents straight into the table, all before the ones published below.
        db.sql("""
                INSERT INTO disclosure_document (index_number, department_id, category_id, title, published_on, validity,
                    body, body_text, created_at, updated_at)
                SELECT 'HRSS/2020-' || lpad(n::text, 6, '0'), :d, (SELECT id FROM disclosure_category WHERE code = 'notice-notice'),
                       '旧通知' || n, DATE '2020-01-01' + n, 'valid', '<p>旧</p>', '旧', now(), now()
                FROM generate_series(1, 60) AS n""").bind("d", department).then().block(Duration.ofSeconds(10));
        escaped = publish(hrss, "关于<b>“就业&创业”</b>补贴 ]]> 的通知", "normative-dept", "2026-03-02");
        withdrawn = publish(hrss, "将被撤回的通知", "notice-notice", "2026-03-03");
        newest = publish(hrss, "最新的通知公告", "notice-announcement", "2026-03-04");
        hrss.post("/api/disclosure/manage/documents/" + withdrawn + "/withdraw", Map.of("reason", "内容有误"))
                .expectStatus().isOk();
    }

    private Document feed(String path) throws Exception {
        byte[] body = new PortalClient(port).get(path).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/atom+xml"))
                .expectBody().returnResult().getResponseBodyContent();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    private static List<Element> entries(Document feed) {
        NodeList nodes = feed.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static String link(Element parent, String rel) {
        NodeList links = parent.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getParentNode() == parent && link.getAttribute("rel").equals(rel)) {
                return link.getAttribute("href");
            }
        }
        return null;
    }

    @Test
    void departmentFeedListsNewestFiftyPublishedDocumentsWithTagIdsAndLinks() throws Exception {
        Document feed = feed("/api/disclosure/feeds/departments/HRSS");
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id")).isEqualTo("tag:onestop.example,2026:disclosure/department/HRSS");
        assertThat(link(root, "self")).endsWith("/api/disclosure/feeds/departments/HRSS");

        List<Element> entries = entries(feed);
        assertThat(entries).hasSize(50);
        Element first = entries.getFirst();
        assertThat(child(first, "id")).isEqualTo("tag:onestop.example,2026:disclosure/document/" + newest);
        assertThat(child(first, "title")).isEqualTo("最新的通知公告");
        assertThat(link(first, "alternate")).isEqualTo("http://localhost:" + port + "/disclosure/document.html?id=" + newest);
        assertThat(OffsetDateTime.parse(child(first, "published"))).isEqualTo(OffsetDateTime.parse("2026-03-04T00:00+08:00"));
        assertThat(OffsetDateTime.parse(child(first, "updated"))).isNotNull();
        assertThat(child(root, "updated")).isEqualTo(entries.stream().map(e -> child(e, "updated"))
                .max(java.util.Comparator.comparing(OffsetDateTime::parse)).orElseThrow());
        assertThat(child(first, "name")).isNotBlank();

        List<String> ids = entries.stream().map(e -> child(e, "id")).toList();
        assertThat(ids).doesNotContain("tag:onestop.example,2026:disclosure/document/" + withdrawn);
        assertThat(ids).doesNotHaveDuplicates();
        Element escapedEntry = entries.get(1);
        assertThat(child(escapedEntry, "title")).as("markup characters round-trip as text")
                .isEqualTo("关于<b>“就业&创业”</b>补贴 ]]> 的通知");
        assertThat(child(entries.getLast(), "title")).as("the oldest of the 60 fall off").isEqualTo("旧通知13");
    }

    @Test
    void categoryFeedIncludesSubcategoriesAndLeavesOutWithdrawn() throws Exception {
        Document feed = feed("/api/disclosure/feeds/categories/notice");
        List<Element> entries = entries(feed);
        List<String> titles = entries.stream().map(e -> child(e, "title")).toList();
        assertThat(titles.getFirst()).isEqualTo("最新的通知公告");
        assertThat(titles).doesNotContain("将被撤回的通知", "关于<b>“就业&创业”</b>补贴 ]]> 的通知");
        assertThat(entries).hasSize(50);
        Element category = (Element) entries.getFirst().getElementsByTagNameNS(ATOM, "category").item(0);
        assertThat(category.getAttribute("term")).isEqualTo("notice-announcement");

        List<String> normative = entries(feed("/api/disclosure/feeds/categories/normative-dept")).stream()
                .map(e -> child(e, "title")).toList();
        assertThat(normative).containsExactly("关于<b>“就业&创业”</b>补贴 ]]> 的通知");
    }

    @Test
    void feedOfDepartmentWithoutDocumentsIsValidAndEmpty() throws Exception {
        Document feed = feed("/api/disclosure/feeds/departments/CIVIL");
        assertThat(entries(feed)).isEmpty();
        assertThat(child(feed.getDocumentElement(), "updated")).isNotBlank();
        assertThat(child(feed.getDocumentElement(), "name")).isNotBlank();
    }
}
