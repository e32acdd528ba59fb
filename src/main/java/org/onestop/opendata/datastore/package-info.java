/**
 * The datastore: tabular resources loaded into PostgreSQL tables of their own (one per resource,
 * generated names, in the opendata_store schema) and queried with checked identifiers and bound
 * values, streamed out as JSON or CSV.
 */
package org.onestop.opendata.datastore;
