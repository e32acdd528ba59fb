/**
 * The demo open data set: 120 datasets in 9 themes with generated but realistic, deterministic
 * tables (three of them over a million rows), written to storage and COPY-loaded into the
 * datastore on first start.
 */
package org.onestop.opendata.demo;
