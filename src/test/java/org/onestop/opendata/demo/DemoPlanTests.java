package org.onestop.opendata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onestop.opendata.Theme;
import org.onestop.opendata.datastore.DatastoreField;

/** The demo plan and its generated rows, without a database: coverage, scale and determinism. */
class DemoPlanTests {

    private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

    @Test
    void plansOneHundredTwentyUniqueDatasetsOverNineThemesWithThreeMillionRowTables() {
        List<DemoPlan.Planned> plan = DemoPlan.plan(NOW, DemoPlan.DATASETS);
        assertThat(plan).hasSize(120);
        assertThat(plan.stream().map(p -> p.template().theme()).collect(Collectors.toSet())).containsExactlyInAnyOrder(Theme.values());
        assertThat(plan.stream().map(DemoPlan.Planned::name).distinct()).hasSize(120);
        assertThat(plan.stream().map(DemoPlan.Planned::title).distinct()).hasSize(120);
        assertThat(plan.stream().filter(p -> p.scope().rows() >= 1_000_000)).hasSize(3);
        assertThat(plan.stream().filter(DemoPlan.Planned::xlsx)).isNotEmpty();
        assertThat(plan.stream().filter(p -> p.template().geo())).isNotEmpty();
    }

    @Test
    void generatesTheSameBytesForTheSameDatasetEveryTime() {
        DemoPlan.Planned p = DemoPlan.planned(5, NOW).capped(5_000);
        byte[] first = csv(p);
        byte[] second = csv(p);
        assertThat(first).isEqualTo(second);
        assertThat(csv(DemoPlan.planned(19, NOW).capped(5_000))).isNotEqualTo(first);
    }

    @Test
    void writesHeaderOfFieldIdsAndOneLinePerRow() {
        DemoPlan.Planned p = DemoPlan.planned(0, NOW).capped(4_321);
        String[] lines = new String(csv(p), StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo(p.template().fields().stream().map(DatastoreField::id).collect(Collectors.joining(",")));
        assertThat(lines).hasSize(4_322);
        assertThat(lines[1]).startsWith("市南区第1监测站,市南区,2021-01-01 00:00:00,");
    }

    @Test
    void writesValidGeoJsonForTheParkingLots() throws Exception {
        DemoPlan.Planned p = DemoPlan.planned(12, NOW).capped(20);
        byte[] geo = new DemoRows(p.template(), p.scope(), p.seed()).chunks(DemoRows.Encoding.GEOJSON)
                .reduce(new java.io.ByteArrayOutputStream(), (out, b) -> {
                    out.writeBytes(b);
                    return out;
                }).block().toByteArray();
        var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(geo);
        assertThat(tree.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(tree.path("features")).hasSize(20);
        assertThat(tree.path("features").get(0).path("geometry").path("coordinates").get(0).asDouble()).isBetween(120.0, 121.0);
    }

    private static byte[] csv(DemoPlan.Planned p) {
        return new DemoRows(p.template(), p.scope(), p.seed()).chunks(DemoRows.Encoding.CSV)
                .reduce(new java.io.ByteArrayOutputStream(), (out, b) -> {
                    out.writeBytes(b);
                    return out;
                }).block().toByteArray();
    }
}
