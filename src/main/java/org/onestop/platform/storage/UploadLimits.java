package org.onestop.platform.storage;

import java.util.Set;

/**
 * What one multipart request may carry.
 *
 * @param maxFiles files accepted in one request
 * @param maxFileBytes the largest file accepted
 * @param types the accepted file types, checked by content
 * @param maxFieldBytes the largest non-file part (a form field or a JSON part)
 */
public record UploadLimits(int maxFiles, long maxFileBytes, Set<FileType> types, int maxFieldBytes) {

    /**
     * How much of a refused request is read and thrown away so that the client still gets an
     * answer; beyond this the connection is cut short instead.
     */
    public long maxRequestBytes() {
        return (maxFiles + 1L) * maxFileBytes + 1024L * 1024;
    }
}
