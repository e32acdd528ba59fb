/**
 * A subset of the CKAN Action API v3 under /api/3/action/: package_list, package_show,
 * package_search, organization_list, group_list, resource_show and datastore_search, with CKAN's
 * {help, success, result} envelope, its error objects and status codes.
 */
package org.onestop.opendata.ckan;
