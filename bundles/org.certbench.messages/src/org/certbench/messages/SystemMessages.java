package org.certbench.messages;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The system messages (the bell): post, list, mark read. Messages are persisted in the state directory
 * and survive a restart. Every change is announced as an EventAdmin event on {@link #TOPIC_CHANGED}
 * with the property {@link #PROPERTY_UNREAD} (Integer), so views update without polling.
 * Implementations are thread-safe.
 */
@ProviderType
public interface SystemMessages {

    /** EventAdmin topic of every change (post, read). */
    String TOPIC_CHANGED = "org/certbench/messages/CHANGED";

    /** Event property: the number of unread messages after the change. */
    String PROPERTY_UNREAD = "unread";

    /**
     * Posts a message, unless one with the same non-null {@code key} was posted before (even if it has
     * been read since): a condition is reported once, not at every check that sees it again.
     *
     * @return the new message, or the earlier one with that key
     * @throws IllegalArgumentException if source or text is blank
     * @throws java.io.UncheckedIOException if the message cannot be stored
     */
    SystemMessage post(Severity severity, String source, String text, String key);

    /** All messages, newest first. */
    List<SystemMessage> list();

    /** How many messages are not read yet: the number on the bell. */
    int unreadCount();

    /**
     * Marks one message read.
     *
     * @param id the message's id, or a unique prefix of it
     * @return the message as it is now
     * @throws IllegalArgumentException if no message, or more than one, has that id or prefix
     */
    SystemMessage markRead(String id);

    /** Marks every message read; returns how many were unread. */
    int markAllRead();
}
