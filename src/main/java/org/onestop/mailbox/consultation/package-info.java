/** Opinion solicitation (意见征集): draft policies open for comment, moderated comments, and the department's feedback. */
package org.onestop.mailbox.consultation;
