package org.onestop.servicehall;

import java.math.BigDecimal;
import java.util.List;

/**
 * One catalogue item as it is loaded: what the demo generator produces and what
 * {@link CatalogueStore#insertAll} stores. Departments are named by code so that a draft does not
 * depend on the ids a database happened to give them.
 *
 * @param areaCode administrative division where the service is carried out (370200 for the city)
 * @param concepts codes of its life events, business events and theme in {@code service_concept}
 * @param statutoryDays time limit set by law, in working days (0: none or decided on the spot)
 * @param promisedDays time limit the department promises, in working days (0: 即办)
 * @param onSiteVisits visits to a service window the applicant still needs
 */
record ServiceDraft(String code, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
        String departmentCode, String areaCode, String itemType, String audience, List<String> concepts,
        String legalBasis, String legalBasisUrl, List<Condition> conditions, List<Material> materials, List<Fee> fees,
        int statutoryDays, int promisedDays, List<Step> steps, List<String> channels, int onlineDepth,
        int onSiteVisits, String resultName) {

    /** 全程网办, as the database derives it. */
    boolean fullyOnline() {
        return onlineDepth == 4 && onSiteVisits == 0;
    }

    /** An eligibility condition (申请条件). */
    record Condition(String text) {
    }

    /**
     * A required material (申请材料).
     *
     * @param key stable within its service, so applications can refer to a material
     * @param form original, copy, or original_and_copy (原件 / 复印件 / 原件及复印件)
     * @param template file name of the blank form to download, or null
     */
    record Material(String key, String name, String form, int copies, boolean required, String template) {
    }

    /** A fee (收费): what is charged, how much in yuan, and under which rule. */
    record Fee(String item, BigDecimal amount, String basis) {
    }

    /** A step of the process (办理流程). */
    record Step(String title, String detail) {
    }
}
