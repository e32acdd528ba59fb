/** Search text made safe for PostgreSQL full text: CJK bigram and Latin-word queries shared by every feature that searches. */
package org.onestop.platform.search;
