package org.certbench.host.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;

/** System messages kept in memory, with the real service's key rule, so tests read what was posted. */
final class RecordedMessages implements SystemMessages {

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
    public int unreadCount() {
        return list().size();
    }

    @Override
    public SystemMessage markRead(String id) {
        throw new UnsupportedOperationException("host certificates never mark messages read");
    }

    @Override
    public int markAllRead() {
        throw new UnsupportedOperationException("host certificates never mark messages read");
    }

    synchronized List<String> texts() {
        return messages.stream().map(SystemMessage::text).toList();
    }
}
