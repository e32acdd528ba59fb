/** Open311 GeoReport v2 at {@code /open311/v2/}: services from mailbox kinds × departments, requests as mailbox letters, api keys. */
package org.onestop.mailbox.open311;
