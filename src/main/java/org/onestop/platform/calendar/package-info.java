/**
 * The city's working-day calendar: public holidays and adjusted working weekends per year, kept in
 * PostgreSQL, edited by admins, and used for every deadline counted in working days.
 */
package org.onestop.platform.calendar;
