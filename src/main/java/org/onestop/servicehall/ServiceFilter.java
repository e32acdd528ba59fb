package org.onestop.servicehall;

/**
 * The validated filters of a catalogue listing; null means "any". An audience of citizen or
 * enterprise also matches services for both, as a citizen looking for their services expects.
 */
record ServiceFilter(Long departmentId, String audience, String lifeEvent, Integer depth, Boolean online) {

    static final ServiceFilter ANY = new ServiceFilter(null, null, null, null, null);

    // A facet counts over every active filter but its own, so each count says what choosing it would give.

    ServiceFilter withoutDepartment() {
        return new ServiceFilter(null, audience, lifeEvent, depth, online);
    }

    ServiceFilter withoutAudience() {
        return new ServiceFilter(departmentId, null, lifeEvent, depth, online);
    }

    ServiceFilter withoutLifeEvent() {
        return new ServiceFilter(departmentId, audience, null, depth, online);
    }

    ServiceFilter withoutDepth() {
        return new ServiceFilter(departmentId, audience, lifeEvent, null, online);
    }
}
