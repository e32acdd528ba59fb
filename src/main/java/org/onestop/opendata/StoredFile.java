package org.onestop.opendata;

/** A file written to storage: its key, size and SHA-256 (hex). */
public record StoredFile(String key, long size, String digest) {
}
