package org.onestop.live;

/** An event a write is about to append: its topic, type and data (serialised to JSON when appended). */
public record EventDraft(String topic, String type, Object data) {
}
