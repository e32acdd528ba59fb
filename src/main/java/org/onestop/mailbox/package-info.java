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
 *
 * <p>Online petitions (网上信访) are a channel of the same pipeline ({@link Channel}): a letter
 * with {@code channel = petition} and the petitioner's request ({@link Petitions}), handled by the
 * same triage, dispatch, reply and rating steps, timeline and audit, on their own statutory clock
 * ({@link PetitionProperties}, default 15 calendar days to accept and 60 to conclude). They are
 * never published and are left out of the public statistics ({@link MailboxStatistics}).
 * {@link CaseAccess} holds who may take which step ({@link CaseAction}); case views list the steps
 * the current user may take now.
 */
package org.onestop.mailbox;
