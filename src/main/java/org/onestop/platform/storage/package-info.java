/**
 * Files users upload (letter attachments, application materials): streamed to a storage directory
 * under generated names, their type checked by content, served back only through features that
 * check who may read them.
 */
package org.onestop.platform.storage;
