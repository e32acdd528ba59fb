/** Finding and masking personal data (names, phone and ID numbers, addresses...) in Chinese free text before it is published or logged. */
package org.onestop.privacy;
