package org.onestop.opendata;

/** The kinds of resource a dataset offers: files in open formats, and APIs. */
public enum ResourceFormat {
    CSV("text/csv; charset=utf-8", "csv", true),
    JSON("application/json", "json", true),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", false),
    GEOJSON("application/geo+json", "geojson", true),
    API(null, null, true);

    private final String mediaType;
    private final String extension;
    private final boolean open;

    ResourceFormat(String mediaType, String extension, boolean open) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.open = open;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Whether the format is open and machine-readable without proprietary software (XLSX is not counted). */
    public boolean open() {
        return open;
    }
}
