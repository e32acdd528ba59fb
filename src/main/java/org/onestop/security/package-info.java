/** The one security configuration, roles, the signed-in principal, and Redis-backed rate limits. */
package org.onestop.security;
