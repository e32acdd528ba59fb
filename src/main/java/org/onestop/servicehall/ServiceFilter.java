package org.onestop.servicehall;

/**
 * The validated filters of a catalogue listing; null means "any". An audience of citizen or
 * enterprise also matches services for both, as a citizen looking for their services expects.
 */
record ServiceFilter(Long departmentId, String audience, String lifeEvent, Integer depth, Boolean online, Text text) {

    static final ServiceFilter ANY = new ServiceFilter(null, null, null, null, null, null);

    /**
     * A keyword query: its CJK runs as a tsquery literal of bigrams and its Latin words for
     * {@code plainto_tsquery('english', ...)}, either possibly null (never both).
     */
    record Text(String ideographs, String words) {
    }
}
