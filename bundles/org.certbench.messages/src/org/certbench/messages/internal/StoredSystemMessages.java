package org.certbench.messages.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

import org.certbench.core.StateDirectory;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** {@link SystemMessages} kept in {@code <home>/messages/messages.tsv}, every change written atomically. */
@Component(service = SystemMessages.class)
public final class StoredSystemMessages implements SystemMessages {

    private static final String SOURCE = "System messages";

    private final MessageFile file;
    private final Clock clock;
    private final IntConsumer announcer;
    private final SecureRandom random = new SecureRandom();
    /** Oldest first, as in the file. */
    private final List<SystemMessage> messages = new ArrayList<>();

    @Activate
    public StoredSystemMessages(@Reference EventAdmin events) throws IOException {
        this(new MessageFile(StateDirectory.area("messages").resolve("messages.tsv")), Clock.systemUTC(),
                unread -> events.postEvent(new Event(TOPIC_CHANGED, Map.of(PROPERTY_UNREAD, unread))));
    }

    StoredSystemMessages(MessageFile file, Clock clock, IntConsumer announcer) throws IOException {
        this.file = file;
        this.clock = clock;
        this.announcer = announcer;
        MessageFile.Loaded loaded = file.load();
        messages.addAll(loaded.messages());
        if (loaded.damagedLines() > 0) {
            post(Severity.WARNING, SOURCE, loaded.damagedLines() + " damaged line(s) of " + file.path()
                    + " could not be read and were dropped; the other messages are kept.", null);
        }
    }

    @Override
    public SystemMessage post(Severity severity, String source, String text, String key) {
        Objects.requireNonNull(severity, "severity");
        if (source == null || source.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a system message needs a source and a text");
        }
        String dedupKey = key == null || key.isBlank() ? null : key;
        SystemMessage message;
        int unread;
        synchronized (this) {
            if (dedupKey != null) {
                for (SystemMessage earlier : messages) {
                    if (dedupKey.equals(earlier.key())) {
                        return earlier;
                    }
                }
            }
            message = new SystemMessage(newId(), clock.instant(), severity, source.strip(), text.strip(), dedupKey,
                    false);
            messages.add(message);
            saveOrUndo(() -> messages.remove(messages.size() - 1));
            unread = countUnread();
        }
        announcer.accept(unread);
        return message;
    }

    @Override
    public synchronized List<SystemMessage> list() {
        return List.copyOf(messages.reversed());
    }

    @Override
    public synchronized int unreadCount() {
        return countUnread();
    }

    @Override
    public SystemMessage markRead(String id) {
        SystemMessage marked;
        int unread;
        synchronized (this) {
            int index = indexOf(id);
            SystemMessage before = messages.get(index);
            marked = before.markedRead();
            if (!before.read()) {
                messages.set(index, marked);
                saveOrUndo(() -> messages.set(index, before));
            }
            unread = countUnread();
        }
        announcer.accept(unread);
        return marked;
    }

    @Override
    public int markAllRead() {
        int marked;
        synchronized (this) {
            List<SystemMessage> before = List.copyOf(messages);
            marked = countUnread();
            if (marked == 0) {
                return 0;
            }
            messages.replaceAll(SystemMessage::markedRead);
            saveOrUndo(() -> {
                messages.clear();
                messages.addAll(before);
            });
        }
        announcer.accept(0);
        return marked;
    }

    private int indexOf(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("which message? Give its id (a unique prefix is enough)");
        }
        int found = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().startsWith(id.strip())) {
                if (found >= 0) {
                    throw new IllegalArgumentException("more than one message has an id starting with '" + id
                            + "'; give more characters");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException("no system message has the id '" + id + "'");
        }
        return found;
    }

    private int countUnread() {
        return (int) messages.stream().filter(message -> !message.read()).count();
    }

    private void saveOrUndo(Runnable undo) {
        try {
            file.save(messages);
        } catch (IOException e) {
            undo.run();
            throw new UncheckedIOException("cannot save the system messages to " + file.path() + ": " + e.getMessage(),
                    e);
        }
    }

    private String newId() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
