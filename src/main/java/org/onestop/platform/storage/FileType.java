package org.onestop.platform.storage;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types the portal accepts from users, recognised by their leading bytes (magic numbers),
 * never by file name or declared content type: a renamed executable or HTML page is none of them.
 */
public enum FileType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf");

    /** How many leading bytes {@link #detect} needs to tell every type apart. */
    public static final int HEAD_LENGTH = 12;

    private final String contentType;
    private final String extension;

    FileType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The type whose signature the first {@code length} bytes of {@code head} carry, if any. */
    public static Optional<FileType> detect(byte[] head, int length) {
        byte[] h = Arrays.copyOf(head, Math.min(length, head.length));
        if (startsWith(h, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(h, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(h, 'G', 'I', 'F', '8', '7', 'a') || startsWith(h, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(GIF);
        }
        if (startsWith(h, 'R', 'I', 'F', 'F') && h.length >= 12 && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (startsWith(h, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** The type for a stored content type, e.g. to serve a file back. */
    public static Optional<FileType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
