package org.onestop.inquiry;

/** Topic names of live inquiry (live-protocol.md). */
final class InquiryTopics {

    private InquiryTopics() {
    }

    static String of(long sessionId) {
        return "inquiry:" + sessionId;
    }

    static String moderation(long sessionId) {
        return "inquiry:" + sessionId + ":moderation";
    }
}
