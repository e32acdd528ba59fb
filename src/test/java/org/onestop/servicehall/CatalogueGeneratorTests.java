package org.onestop.servicehall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueGeneratorTests {

    @Test
    void demoCatalogueIsDeterministicWithAtLeast2400ServicesOver57Departments() {
        List<ServiceDraft> first = CatalogueGenerator.generate(2400);
        List<ServiceDraft> second = CatalogueGenerator.generate(2400);
        assertThat(first).hasSize(2400).isEqualTo(second);
        assertThat(first.stream().map(ServiceDraft::departmentCode).collect(Collectors.toSet())).hasSize(57);
        assertThat(first).extracting(ServiceDraft::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("3702\\d\\d-[A-Z0-9-]+-\\d{4}"));
        assertThat(CatalogueGenerator.generate(100_000).size()).as("the templates make more than the demo needs")
                .isGreaterThanOrEqualTo(2400);
    }

    @Test
    void schoolTransferServicesAreFullyOnlineAtDepthFourWithTheirForms() {
        List<ServiceDraft> city = CatalogueGenerator.generate(2400).stream()
                .filter(s -> s.areaCode().equals(Areas.CITY)).toList();
        for (String name : List.of("普通高中转学", "初中转学")) {
            ServiceDraft transfer = city.stream().filter(s -> s.nameZh().equals(name)).findFirst().orElseThrow();
            assertThat(transfer.departmentCode()).isEqualTo("EDU");
            assertThat(transfer.onlineDepth()).isEqualTo(4);
            assertThat(transfer.fullyOnline()).isTrue();
            assertThat(transfer.channels()).contains("online");
            assertThat(transfer.concepts()).contains("school");
            assertThat(transfer.materials()).anySatisfy(m -> assertThat(m.template()).endsWith(".docx"));
            assertThat(transfer.materials()).extracting(ServiceDraft.Material::name).contains("转入学校接收证明");
        }
    }

    @Test
    void smallCatalogueStillSpreadsOverEveryDepartment() {
        List<ServiceDraft> small = CatalogueGenerator.generate(57);
        assertThat(small.stream().map(ServiceDraft::departmentCode).collect(Collectors.toSet())).hasSize(57);
    }

    @Test
    void everyServiceIsCoherent() {
        Set<String> concepts = new HashSet<>();
        for (ServiceDraft s : CatalogueGenerator.generate(2400)) {
            assertThat(s.onlineDepth()).isBetween(1, 4);
            assertThat(s.promisedDays()).isLessThanOrEqualTo(Math.max(s.statutoryDays(), 0));
            assertThat(s.channels()).isNotEmpty().isSubsetOf("online", "window", "mobile", "post");
            assertThat(s.materials()).isNotEmpty();
            assertThat(s.conditions()).isNotEmpty();
            assertThat(s.steps()).isNotEmpty();
            assertThat(s.nameEn()).isNotBlank();
            concepts.addAll(s.concepts());
        }
        assertThat(concepts).contains("birth", "school", "employment", "marriage", "housing", "start-business",
                "retirement", "medical", "travel", "tax");
    }
}
