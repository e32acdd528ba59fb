package org.onestop.servicehall;

import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The generated demo catalogue for tests outside this package (the browser tests), with the
 * figures they check worked out here from the drafts rather than read back from the API.
 */
public final class TestCatalogue {

    /**
     * What was loaded.
     *
     * @param fullyOnline how many services are 全程网办
     * @param educationCity city-level services of the education bureau (EDU), in catalogue order
     */
    public record Loaded(int total, long fullyOnline, List<Service> educationCity) {

        /** The city-level service of the education bureau with this Chinese name. */
        public Service education(String nameZh) {
            return educationCity.stream().filter(s -> s.nameZh().equals(nameZh)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(nameZh + " is not in the loaded catalogue"));
        }
    }

    public record Service(String code, String nameZh, boolean fullyOnline, int statutoryDays, List<String> materials) {
    }

    private TestCatalogue() {
    }

    public static Loaded load(ApplicationContext app, int count) {
        List<ServiceDraft> drafts = CatalogueFixture.load(app, count);
        List<Service> education = drafts.stream()
                .filter(d -> d.departmentCode().equals("EDU") && d.areaCode().equals(Areas.CITY))
                .map(d -> new Service(d.code(), d.nameZh(), d.fullyOnline(), d.statutoryDays(),
                        d.materials().stream().map(ServiceDraft.Material::name).toList()))
                .toList();
        return new Loaded(drafts.size(), drafts.stream().filter(ServiceDraft::fullyOnline).count(), education);
    }
}
