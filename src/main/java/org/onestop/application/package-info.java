/**
 * Online applications (网上申报): versioned form definitions checked on the server, drafts,
 * materials streamed to storage, submission with number and receipt, the owning department's
 * review (accept, 补正, approve, reject, result document), and enterprise colleagues.
 */
package org.onestop.application;
