/** App-wide wiring: embedded PostgreSQL and Redis defaults, the clock, demo data switch. */
package org.onestop.platform;
