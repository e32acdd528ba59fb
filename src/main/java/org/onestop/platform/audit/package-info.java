/**
 * Reading the audit trail: the admins' search over it, and the entries recorded when staff open a
 * person's records. Writing an entry is {@link org.onestop.platform.AuditTrail}; the table accepts
 * nothing but inserts (migration V23).
 */
package org.onestop.platform.audit;
