package org.onestop.platform.storage;

/** A file stored from an upload: its storage key, the name the user gave it, its checked type and size. */
public record ReceivedFile(String key, String fileName, FileType type, long size) {
}
