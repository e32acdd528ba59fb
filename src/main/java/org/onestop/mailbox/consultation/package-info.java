/**
 * Opinion solicitation (意见征集): draft policies open for comment (kept unpublished, for their
 * department only, until published), their attachments, moderated comments, and the department's feedback.
 */
package org.onestop.mailbox.consultation;
