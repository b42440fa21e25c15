package org.certbench.messages;

import java.time.Instant;

/**
 * One system message.
 *
 * @param id       stable identifier, used to mark it read
 * @param time     when it was posted
 * @param severity how urgent it is
 * @param source   who posted it, in words ("CA certificates")
 * @param text     what happened, in words for an administrator
 * @param key      the deduplication key it was posted with, or {@code null}
 * @param read     whether an administrator has marked it read
 */
public record SystemMessage(String id, Instant time, Severity severity, String source, String text, String key,
        boolean read) {

    /** {@return a copy of this message marked as read} */
    public SystemMessage markedRead() {
        return new SystemMessage(id, time, severity, source, text, key, true);
    }
}
