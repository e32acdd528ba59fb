/** The online service hall (网上便民服务大厅): the service catalogue, its filters and its CPSV-AP export. */
package org.onestop.servicehall;
