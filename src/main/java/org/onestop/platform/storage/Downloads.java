package org.onestop.platform.storage;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How every stored file leaves the portal: with the content type its bytes were checked to be on
 * upload (never the one the uploader declared), as a download rather than rendered in the page
 * ({@code Content-Disposition: attachment}, the name RFC 5987-encoded so Chinese names survive),
 * and with {@code nosniff} so no browser second-guesses the type.
 */
public final class Downloads {

    private Downloads() {
    }

    /** A download of {@code body}, {@code size} bytes of {@code contentType}, named {@code fileName}. */
    public static <T> ResponseEntity<T> attachment(String fileName, MediaType contentType, long size, T body) {
        return ResponseEntity.ok()
                .contentType(contentType)
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** The same, for a type stored as text. */
    public static <T> ResponseEntity<T> attachment(String fileName, String contentType, long size, T body) {
        return attachment(fileName, MediaType.parseMediaType(contentType), size, body);
    }

    static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
