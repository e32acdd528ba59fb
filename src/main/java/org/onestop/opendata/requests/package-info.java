/**
 * Dataset requests (数据开放需求): a user asks a department for data that is not open yet; the
 * department fulfils the request (naming the dataset) or declines it with a reason, and the
 * requester is notified.
 */
package org.onestop.opendata.requests;
