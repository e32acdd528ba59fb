package org.onestop.platform;

import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@PortalTest
class OperabilityTests {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWithDbAndRedisComponents() {
        new PortalClient(port).get("/actuator/health").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsAreServedToTheLocalScraper() {
        new PortalClient(port).get("/actuator/prometheus").expectStatus().isOk().expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentListsTheAuthApi() {
        new PortalClient(port).get("/v3/api-docs").expectStatus().isOk().expectBody()
                .jsonPath("$.info.title").isEqualTo("OneStop (一站通) portal API")
                .jsonPath("$.paths['/api/auth/register'].post").exists()
                .jsonPath("$.paths['/api/me'].get").exists();
    }

    @Test
    void areaFoldersServeTheirIndexPage() {
        new PortalClient(port).get("/me/").expectStatus().isOk().expectBody(String.class)
                .value(html -> org.assertj.core.api.Assertions.assertThat(html).contains("<main"));
    }

    @Test
    void unknownApiPathIsAProblemNotAPage() {
        new PortalClient(port).get("/api/no-such-thing").expectHeader()
                .contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    }
}
