/** Live online inquiry (网络问政): sessions, questions, moderation, answers, votes and the archive. */
package org.onestop.inquiry;
