package org.onestop.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

@PortalTest
class DepartmentApiTests {

    @LocalServerPort
    int port;

    private List<Map<String, Object>> departments(String query) {
        return new PortalClient(port).get("/api/departments" + query).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void seedHoldsAtLeast73MunicipalDepartmentsAndTheTenDistricts() {
        List<Map<String, Object>> municipal = departments("?kind=municipal");
        List<Map<String, Object>> districts = departments("?kind=district");
        assertThat(municipal).hasSizeGreaterThanOrEqualTo(73);
        assertThat(districts).hasSize(10);
        assertThat(municipal).extracting(d -> d.get("nameZh")).contains("市公安局", "市人力资源和社会保障局");
        assertThat(districts).extracting(d -> d.get("nameZh")).contains("市南区", "崂山区");
        assertThat(departments("")).allSatisfy(d -> {
            assertThat((String) d.get("code")).matches("[A-Z0-9-]+");
            assertThat((String) d.get("nameEn")).isNotBlank();
        });
    }

    @Test
    void departmentsWhenKindUnknownThenFieldError() {
        new PortalClient(port).get("/api/departments?kind=province").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void departmentWhenAbsentThenNotFoundProblem() {
        new PortalClient(port).language("en").get("/api/departments/999999").expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:onestop:problem:not-found")
                .jsonPath("$.detail").isEqualTo("The requested department (id 999999) does not exist.");
    }
}
