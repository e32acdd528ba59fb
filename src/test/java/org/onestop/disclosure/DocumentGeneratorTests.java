package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.onestop.account.Department;

class DocumentGeneratorTests {

    private static final List<Department> DEPARTMENTS = IntStream.rangeClosed(1, 73)
            .mapToObj(i -> new Department(i, "D" + i, "市测试第" + i + "局", "Test bureau " + i, "municipal")).toList();

    private static List<GeneratedDocument> first(long seed, int n) {
        return StreamSupport.stream(new DocumentGenerator(seed, 100_000, DEPARTMENTS).spliterator(), false).limit(n).toList();
    }

    @Test
    void sameSeedGivesTheSameDocuments() {
        assertThat(first(42, 500)).isEqualTo(first(42, 500));
        assertThat(first(43, 50)).isNotEqualTo(first(42, 50));
    }

    @Test
    void documentsLookLikeARealCatalogue() {
        List<GeneratedDocument> docs = first(DemoDisclosure.SEED, 20_000);
        Set<Long> departments = new HashSet<>();
        docs.forEach(d -> departments.add(d.departmentId()));
        assertThat(departments).hasSize(73);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.publishedOn()).isBetween(DocumentGenerator.FIRST_DAY, DocumentGenerator.LAST_DAY);
            assertThat(d.bodyText()).doesNotContain("<", ">", "&");
            assertThat(d.title().length()).isBetween(6, 300);
        });
        assertThat(docs).anySatisfy(d -> assertThat(d.title()).startsWith("关于印发《").endsWith("》的通知"));
        assertThat(docs).anySatisfy(d -> assertThat(d.title()).endsWith("年度部门预算公开"));
        assertThat(docs).anySatisfy(d -> assertThat(d.title()).contains("职务任免的通知"));
        assertThat(docs).anySatisfy(d -> assertThat(d.docNumber()).matches("青政发〔20\\d\\d〕\\d+号"));
        assertThat(docs).anySatisfy(d -> assertThat(d.title()).contains("WTO"));
        assertThat(docs).anySatisfy(d -> assertThat(d.title()).contains("PM2.5"));
        assertThat(docs).anySatisfy(d -> assertThat(d.validity()).isEqualTo("repealed"));
        assertThat(docs).anySatisfy(d -> assertThat(d.relatedOrdinal()).isNotNegative());
        assertThat(docs).allSatisfy(d -> assertThat(d.relatedOrdinal()).isLessThan(d.ordinal()));
    }
}
