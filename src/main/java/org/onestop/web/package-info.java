/** Shared web plumbing: RFC 9457 problem+json errors, paging, directory index pages. */
package org.onestop.web;
