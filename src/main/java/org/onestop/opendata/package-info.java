/**
 * Open data platform (政府数据开放): datasets and their resources, the catalogue with facets,
 * streamed downloads with download counts, the publishing departments' management with alerts of
 * datasets overdue for an update, and the portal's own JSON endpoints. The datastore,
 * CKAN and DCAT-AP interfaces, API keys and the demo set live in subpackages.
 */
package org.onestop.opendata;
