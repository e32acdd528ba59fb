/** The notification centre: a person's notifications read back from their user topic's event log, and what they have read. */
package org.onestop.mygov.notifications;
