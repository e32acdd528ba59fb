/** Government information disclosure (政府信息公开): categories, documents and versions, guides, search and catalogues. */
package org.onestop.disclosure;
