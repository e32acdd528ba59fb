/**
 * Departments' resource files: receiving an upload as it streams in, checking its content (CSV and
 * XLSX read row by row, JSON and GeoJSON parsed), inferring column types, and loading tabular files
 * into a fresh datastore table that replaces the old one only when everything has succeeded.
 */
package org.onestop.opendata.upload;
