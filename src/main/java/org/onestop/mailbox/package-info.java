/**
 * The government mailbox (政府信箱): letters to the mayor's and departments' mailboxes, triage,
 * dispatch, handling and replies, ratings, working-day deadlines and supervision (督办).
 *
 * <p>A case moves received → accepted → handling → replied → closed (see {@link Status}); each
 * step is a row lock, a timeline entry (public or internal), a {@code letter.status} event on the
 * writer's user topic for public steps, and an audit entry, in one transaction ({@link CaseSteps}).
 * The clock of the current step ({@link Step}: accept, dispatch, reply) is a due date in working
 * days on the city calendar ({@link Deadlines}, {@link MailboxProperties}); each office's step gets
 * its full period from the day the case reaches it. Asking the writer for more pauses the reply
 * clock and keeps its working days left; replies not rated within the rating window close lazily
 * on read and by a periodic sweep ({@link Closing}).
 */
package org.onestop.mailbox;
