package org.certbench.testing.messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;

/**
 * System messages kept in memory, with the real service's key rule (a key is posted once), so that the tests
 * of the services that post can read what was posted. Not part of the product.
 */
public final class RecordedMessages implements SystemMessages {

    private final List<SystemMessage> messages = new ArrayList<>();

    @Override
    public synchronized SystemMessage post(Severity severity, String source, String text, String key) {
        for (SystemMessage earlier : messages) {
            if (key != null && key.equals(earlier.key())) {
                return earlier;
            }
        }
        SystemMessage message = new SystemMessage(Integer.toString(messages.size()), Instant.EPOCH, severity, source,
                text, key, false);
        messages.add(message);
        return message;
    }

    @Override
    public synchronized List<SystemMessage> list() {
        return List.copyOf(messages.reversed());
    }

    @Override
    public synchronized int unreadCount() {
        return (int) messages.stream().filter(message -> !message.read()).count();
    }

    @Override
    public synchronized SystemMessage markRead(String id) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(id)) {
                messages.set(i, messages.get(i).markedRead());
                return messages.get(i);
            }
        }
        throw new IllegalArgumentException("no system message has the id '" + id + "'");
    }

    @Override
    public synchronized int markAllRead() {
        int unread = unreadCount();
        messages.replaceAll(SystemMessage::markedRead);
        return unread;
    }

    /** The texts posted, oldest first. */
    public synchronized List<String> texts() {
        return messages.stream().map(SystemMessage::text).toList();
    }
}
