package org.onestop.mailbox.open311;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.onestop.PortalClient;
import org.onestop.account.TestAccounts;
import org.onestop.security.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Open311 client as a partner system would be: plain HTTP without session or CSRF cookie,
 * form-encoded POSTs, and JSON or XML parsed as text. Also holds the admin who issues keys.
 */
final class Open311Client {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final WebTestClient http;
    final PortalClient admin;
    final long partnerId;

    Open311Client(ApplicationContext app, int port, String prefix) {
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        TestAccounts.staff(app, prefix + "_admin", null, Role.ADMIN);
        this.partnerId = TestAccounts.citizen(app, prefix + "_partner");
        this.admin = new PortalClient(port).login(prefix + "_admin", TestAccounts.PASSWORD).withCsrf();
    }

    /** Issues a key bound to the partner account; returns the created key's JSON (with "key"). */
    JsonNode issueKey(String name, String username) {
        return json(admin.post("/api/admin/open311/keys", Map.of("name", name, "username", username))
                .expectStatus().isCreated());
    }

    WebTestClient.ResponseSpec get(String path) {
        return http.get().uri("/open311/v2/" + path).exchange();
    }

    WebTestClient.ResponseSpec post(String format, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return http.post().uri("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    static JsonNode json(WebTestClient.ResponseSpec spec) {
        return JSON.readTree(spec.expectBody().returnResult().getResponseBodyContent());
    }

    static Document xml(WebTestClient.ResponseSpec spec) {
        byte[] body = spec.expectBody().returnResult().getResponseBodyContent();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + new String(body), e);
        }
    }

    /** The child elements of an element, in order. */
    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static List<String> names(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }

    static String text(Element parent, String child) {
        return children(parent).stream().filter(e -> e.getTagName().equals(child)).findFirst()
                .map(Element::getTextContent).orElseThrow(() -> new AssertionError("No <" + child + "> in <" + parent.getTagName() + ">"));
    }

    static List<String> fields(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }
}
