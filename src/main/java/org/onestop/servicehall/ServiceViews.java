package org.onestop.servicehall;

import java.util.List;
import org.onestop.servicehall.ServiceDraft.Condition;
import org.onestop.servicehall.ServiceDraft.Fee;
import org.onestop.servicehall.ServiceDraft.Material;
import org.onestop.servicehall.ServiceDraft.Step;

/** The JSON shapes of the service catalogue API; names come in Chinese and English side by side. */
final class ServiceViews {

    private ServiceViews() {
    }

    record DepartmentRef(long id, String code, String name, String nameEn) {
    }

    record AreaRef(String code, String name, String nameEn) {
    }

    /** A life event, business event or theme of the vocabulary. */
    record ConceptRef(String code, String scheme, String name, String nameEn) {
    }

    /**
     * A service in a listing.
     *
     * @param itemType licensing, confirmation, benefit, award, adjudication, filing or public
     * @param audience citizen, enterprise or both
     */
    record Summary(String code, String name, String nameEn, DepartmentRef department, AreaRef area, String itemType,
            String audience, List<ConceptRef> lifeEvents, int onlineDepth, boolean fullyOnline, int promisedDays,
            int onSiteVisits) {
    }

    record LegalBasis(String text, String url) {
    }

    /** The whole guide of one service (办事指南). */
    record Guide(String code, String name, String nameEn, String description, String descriptionEn,
            DepartmentRef department, AreaRef area, String itemType, String audience, List<ConceptRef> lifeEvents,
            List<ConceptRef> themes, LegalBasis legalBasis, List<Condition> conditions, List<Material> materials,
            List<Fee> fees, int statutoryDays, int promisedDays, List<Step> steps, List<String> channels,
            int onlineDepth, int onSiteVisits, boolean fullyOnline, String result) {
    }

    record FacetValue(String value, String label, String labelEn, long count) {
    }

    /** Counts per value of each filter, over the other active filters. */
    record Facets(List<FacetValue> department, List<FacetValue> audience, List<FacetValue> lifeEvent,
            List<FacetValue> depth) {
    }

    record Listing(List<Summary> items, int page, int size, long total, Facets facets) {
    }

    /**
     * The portal's headline figures, computed from the catalogue as it is now.
     *
     * @param onlineRate 综合网办率: the share of services that are fully online, from 0 to 1
     */
    record Stats(long total, long fullyOnline, double onlineRate) {
    }
}
