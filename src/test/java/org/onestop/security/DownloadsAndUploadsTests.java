package org.onestop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * Stored files, both ways: every upload is judged by its bytes and size, never its name; every
 * download route of the application answers with an attachment disposition, the checked type and
 * nosniff; and files are stored under generated names.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadsAndUploadsTests {

    /** A route serves a stored file when it names one by id. */
    private static final Pattern FILE_VARIABLE = Pattern.compile(".*\\{(attachmentId|materialId|fileId)}.*");
    /** The start of a Windows executable (MZ header). */
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    private static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes();

    @Autowired
    ApplicationContext app;

    @LocalServerPort
    int port;

    AccessWorld world;

    @BeforeAll
    void world() {
        world = new AccessWorld(app, port, "du_");
    }

    @Test
    void everyDownloadRouteAnswersAsAnAttachmentOfTheCheckedTypeWithNosniff() {
        List<RouteList.Route> downloads = RouteList.of(app).stream()
                .filter(r -> r.method().equals("GET") && FILE_VARIABLE.matcher(r.pattern()).matches()).toList();
        assertThat(downloads).extracting(RouteList.Route::pattern).as("download routes; a new one needs its file in AccessWorld")
                .containsExactlyInAnyOrder("/api/mailbox/letters/{id}/attachments/{attachmentId}",
                        "/api/consultations/{id}/attachments/{attachmentId}", "/api/applications/{id}/materials/{materialId}",
                        "/api/disclosure/requests/{id}/files/{fileId}", "/api/disclosure/documents/{id}/attachments/{attachmentId}");
        for (RouteList.Route route : downloads) {
            Caller owner = route.pattern().startsWith("/api/consultations") || route.pattern().startsWith("/api/disclosure/documents")
                    ? Caller.ANONYMOUS : Caller.CITIZEN;
            var result = world.client(owner, route.pattern()).get(world.path(route.pattern())).expectStatus().isOk()
                    .expectBody().returnResult();
            var headers = result.getResponseHeaders();
            assertThat(headers.getFirst("Content-Disposition")).as(route.pattern()).startsWith("attachment;");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(route.pattern()).isEqualTo("nosniff");
            MediaType type = headers.getContentType();
            byte[] body = result.getResponseBodyContent();
            assertThat(type).as(route.pattern()).isIn(MediaType.APPLICATION_PDF, MediaType.IMAGE_PNG);
            assertThat(Arrays.copyOf(body, 4)).as(route.pattern())
                    .isEqualTo(type.equals(MediaType.IMAGE_PNG) ? Arrays.copyOf(AccessWorld.PNG, 4) : "%PDF".getBytes());
        }
    }

    @Test
    void storedFilesHaveGeneratedNamesNotTheUploadersNames() {
        List<String> keys = world.db.sql("""
                SELECT storage_key || ' ' || file_name FROM mailbox_attachment
                UNION ALL SELECT storage_key || ' ' || file_name FROM consultation_attachment
                UNION ALL SELECT storage_key || ' ' || file_name FROM application_material
                UNION ALL SELECT storage_key || ' ' || file_name FROM disclosure_request_file""")
                .map(r -> r.get(0, String.class)).all().collectList().block(Duration.ofSeconds(5));
        assertThat(keys).hasSizeGreaterThanOrEqualTo(7);
        for (String pair : keys) {
            String key = pair.substring(0, pair.indexOf(' '));
            String name = pair.substring(pair.indexOf(' ') + 1);
            assertThat(key).as(pair).doesNotContain(name.replaceFirst("\\.[a-z]+$", "")).matches("[A-Za-z0-9/_-]{20,}");
        }
    }

    @Test
    void uploadsJudgedByTheirBytesNotTheirNamesOnEveryUploadRoute() {
        PortalClient citizen = world.client(Caller.CITIZEN, "");
        PortalClient official = world.client(Caller.OWNING_OFFICIAL, "");
        for (byte[] bytes : List.of(EXE, HTML)) {
            // An application material, a consultation attachment, and a reply file, each named .pdf.
            MultipartBodyBuilder material = new MultipartBodyBuilder();
            material.part("file", bytes).filename("scan.pdf").contentType(MediaType.APPLICATION_PDF);
            long draft = AccessWorld.json(citizen.post("/api/applications", Map.of("serviceCode", world.ids.get("service")))
                    .expectStatus().isCreated()).path("id").asLong();
            AccessWorld.multipart(citizen, "/api/applications/" + draft + "/materials/household", material)
                    .expectStatus().isBadRequest();
            MultipartBodyBuilder attachment = new MultipartBodyBuilder();
            attachment.part("files", bytes).filename("draft.pdf").contentType(MediaType.APPLICATION_PDF);
            AccessWorld.multipart(official, "/api/consultations/" + world.ids.get("consultation") + "/attachments", attachment)
                    .expectStatus().isBadRequest();
            MultipartBodyBuilder letter = new MultipartBodyBuilder();
            letter.part("letter", "{\"mailbox\":\"mayor\",\"kind\":\"complaint\",\"title\":\"噪音扰民\",\"body\":\"夜间施工噪音扰民。\","
                    + "\"location\":\"市南区\",\"consentToPublish\":false,\"contactPreference\":\"sms\"}", MediaType.APPLICATION_JSON);
            letter.part("attachments", bytes).filename("photo.png").contentType(MediaType.IMAGE_PNG);
            AccessWorld.multipart(citizen, "/api/mailbox/letters", letter).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("attachments[0]");
        }
    }

    @Test
    void uploadWhenLargerThanTheLimitThenRefusedAndNothingStored() {
        PortalClient citizen = world.client(Caller.CITIZEN, "");
        long before = world.db.sql("SELECT count(*) FROM mailbox_attachment").map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5));
        byte[] big = Arrays.copyOf(AccessWorld.PNG, 5 * 1024 * 1024 + 1);
        MultipartBodyBuilder letter = new MultipartBodyBuilder();
        letter.part("letter", "{\"mailbox\":\"mayor\",\"kind\":\"complaint\",\"title\":\"噪音扰民\",\"body\":\"夜间施工噪音扰民。\","
                + "\"location\":\"市南区\",\"consentToPublish\":false,\"contactPreference\":\"sms\"}", MediaType.APPLICATION_JSON);
        letter.part("attachments", big).filename("photo.png").contentType(MediaType.IMAGE_PNG);
        AccessWorld.multipart(citizen, "/api/mailbox/letters", letter).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("file_too_large");
        assertThat(world.db.sql("SELECT count(*) FROM mailbox_attachment").map(r -> r.get(0, Long.class)).one()
                .block(Duration.ofSeconds(5))).isEqualTo(before);
    }
}
