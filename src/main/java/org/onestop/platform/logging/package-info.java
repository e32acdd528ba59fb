/** Log output without personal data: the converters that mask each log line's message and stack trace. */
package org.onestop.platform.logging;
