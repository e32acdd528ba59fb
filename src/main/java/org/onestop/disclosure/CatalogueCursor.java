package org.onestop.disclosure;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Where a catalogue page ended: the (publication date, id) of its last document. The next page
 * starts strictly after it in (date DESC, id DESC) order, so documents added between requests
 * never shift later pages the way an offset would (no duplicates, none skipped). Opaque to
 * clients: base64url of {@code yyyy-mm-dd/id}.
 */
record CatalogueCursor(LocalDate publishedOn, long id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((publishedOn + "/" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or null when the text is not one this class made. */
    static CatalogueCursor decode(String text) {
        if (text == null || text.length() > 64) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            int slash = plain.indexOf('/');
            if (slash < 0) {
                return null;
            }
            long id = Long.parseLong(plain.substring(slash + 1));
            return id > 0 ? new CatalogueCursor(LocalDate.parse(plain.substring(0, slash)), id) : null;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }
}
