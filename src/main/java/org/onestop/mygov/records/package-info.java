/**
 * Personal records held by department systems (provident fund, social insurance, utility and
 * phone bills, traffic violations), fetched through one resilient HTTP connector per record type,
 * and the built-in demo records service that plays those systems when none is configured.
 */
package org.onestop.mygov.records;
