/** The DCAT-AP 3.0.0 catalogue of the open data platform, as Turtle and JSON-LD, paged for harvesters. */
package org.onestop.opendata.dcat;
