package org.onestop.servicehall;

import java.util.List;

/**
 * What other features (online applications) need to know of one catalogue service.
 *
 * @param audience citizen, enterprise or both
 * @param promisedDays the time limit the department promises, in working days (0: 即办)
 * @param materials the guide's materials, in order, keyed as the guide keys them
 */
public record ServiceFacts(String code, String nameZh, String nameEn, long departmentId, String departmentZh,
        String departmentEn, String audience, int promisedDays, boolean fullyOnline, String resultName,
        List<MaterialFact> materials) {

    /** One material of the guide (申请材料). */
    public record MaterialFact(String key, String name, boolean required) {
    }
}
