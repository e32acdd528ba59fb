/**
 * Disclosure on request (依申请公开): applications, the statutory reply clock with one extension,
 * staff handling and replies with delivered files, and the yearly figures of the disclosure report.
 *
 * <p>The clock (政府信息公开条例 art. 33): a reply is due within 20 working days of receipt,
 * extendable once by at most 20 working days with a recorded reason. An application made on a
 * weekend or public holiday counts as received on the next working day, as disclosure guides
 * (公开指南) commonly state; the day of receipt itself is not counted (民法典 art. 201), so the
 * reply is due on the 20th working day after that day, and an extension adds 20 working days
 * after the original due day. See {@link org.onestop.disclosure.request.ReplyClock}.
 *
 * <p>Beans are named explicitly ({@code disclosureRequest…}) because other features have classes
 * of the same simple names (a mailbox {@code Handling}, an Open311 {@code RequestStore}).
 */
package org.onestop.disclosure.request;
