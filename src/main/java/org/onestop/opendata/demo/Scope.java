package org.onestop.opendata.demo;

/**
 * What one generated dataset covers: one district (or the whole city when null), one year (or
 * several when 0), and how many rows it has.
 */
record Scope(String district, int year, long rows) {

    boolean cityWide() {
        return district == null;
    }
}
