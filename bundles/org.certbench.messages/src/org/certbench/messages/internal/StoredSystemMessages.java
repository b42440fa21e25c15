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

import org.certbench.core.FailureLog;
import org.certbench.core.FileStamp;
import org.certbench.core.TextBundle;
import org.certbench.core.FileWatch;
import org.certbench.core.HomeLock;
import org.certbench.core.StateDirectory;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * {@link SystemMessages} kept in {@code <home>/messages/messages.tsv}, every change written atomically. The workbench
 * and a shell share the file: every change is made under the home's lock on the messages
 * ({@code messages.lock}) to what is on disk, read again when another process changed it, and the file is watched,
 * so that the bell shows what another process posted or marked read.
 */
@Component(service = SystemMessages.class)
public final class StoredSystemMessages implements SystemMessages {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.messages.internal.messages", //$NON-NLS-1$
            StoredSystemMessages.class.getClassLoader());
    private static final String SOURCE = TEXTS.format("storeSource"); //$NON-NLS-1$
    private static final System.Logger LOG = System.getLogger(StoredSystemMessages.class.getName());
    /** A file that stays unreadable is logged once, not at every read of the bell. */
    private final FailureLog readFailures = new FailureLog(LOG);

    private final MessageFile file;
    private final HomeLock lock;
    /** The file as this process last read or wrote it. */
    private FileStamp known = FileStamp.ABSENT;
    private FileWatch watch;
    private final Clock clock;
    private final IntConsumer announcer;
    private final SecureRandom random = new SecureRandom();
    /** Oldest first, as in the file. */
    private final List<SystemMessage> messages = new ArrayList<>();

    @Activate
    public StoredSystemMessages(@Reference EventAdmin events) throws IOException {
        this(new MessageFile(StateDirectory.area("messages").resolve("messages.tsv")), Clock.systemUTC(),
                unread -> events.postEvent(new Event(TOPIC_CHANGED, Map.of(PROPERTY_UNREAD, unread))));
        watch(FileWatch.DEFAULT_PERIOD);
    }

    StoredSystemMessages(MessageFile file, Clock clock, IntConsumer announcer) throws IOException {
        this.file = file;
        this.clock = clock;
        this.announcer = announcer;
        this.lock = new HomeLock(file.path().resolveSibling("messages.lock"));
        // the stamp before the content: a change between the two is read again at the next look, never missed
        known = FileStamp.of(file.path()).trustedAt(fileSystemNow());
        MessageFile.Loaded loaded = file.load();
        messages.addAll(loaded.messages());
        if (loaded.damagedLines() > 0) {
            post(Severity.WARNING, SOURCE, TEXTS.format("storeDamagedLines", loaded.damagedLines(), file.path()), //$NON-NLS-1$
                    null);
        }
    }

    /** Tells the announcer what another process changed, looking every {@code period}. */
    void watch(java.time.Duration period) throws IOException {
        watch = FileWatch.start(file.path(), period, () -> {
            int unread;
            synchronized (this) {
                if (!readIfChanged()) {
                    return;
                }
                unread = countUnread();
            }
            announcer.accept(unread);
        });
    }

    @Deactivate
    public void stop() {
        if (watch != null) {
            watch.close();
        }
    }

    @Override
    public SystemMessage post(Severity severity, String source, String text, String key) {
        Objects.requireNonNull(severity, "severity");
        if (source == null || source.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException(TEXTS.format("storeIncomplete")); //$NON-NLS-1$
        }
        String dedupKey = key == null || key.isBlank() ? null : key;
        SystemMessage message;
        int unread;
        synchronized (this) {
            SystemMessage earlier = locked(() -> {
                readIfChanged();
                if (dedupKey != null) {
                    for (SystemMessage stored : messages) {
                        if (dedupKey.equals(stored.key())) {
                            return stored;
                        }
                    }
                }
                messages.add(new SystemMessage(newId(), clock.instant(), severity, source.strip(), text.strip(),
                        dedupKey, false));
                saveOrUndo(() -> messages.remove(messages.size() - 1));
                return null;
            });
            if (earlier != null) {
                return earlier;
            }
            message = messages.get(messages.size() - 1);
            unread = countUnread();
        }
        announcer.accept(unread);
        return message;
    }

    @Override
    public synchronized List<SystemMessage> list() {
        readIfChangedOrKeep();
        return List.copyOf(messages.reversed());
    }

    @Override
    public synchronized int unreadCount() {
        readIfChangedOrKeep();
        return countUnread();
    }

    @Override
    public SystemMessage markRead(String id) {
        SystemMessage marked;
        int unread;
        synchronized (this) {
            marked = locked(() -> {
                readIfChanged();
                int index = indexOf(id);
                SystemMessage before = messages.get(index);
                if (!before.read()) {
                    messages.set(index, before.markedRead());
                    saveOrUndo(() -> messages.set(index, before));
                }
                return messages.get(index);
            });
            unread = countUnread();
        }
        announcer.accept(unread);
        return marked;
    }

    @Override
    public int markAllRead() {
        int marked;
        synchronized (this) {
            marked = locked(() -> {
                readIfChanged();
                List<SystemMessage> before = List.copyOf(messages);
                int unread = countUnread();
                if (unread > 0) {
                    messages.replaceAll(SystemMessage::markedRead);
                    saveOrUndo(() -> {
                        messages.clear();
                        messages.addAll(before);
                    });
                }
                return unread;
            });
            if (marked == 0) {
                return 0;
            }
        }
        announcer.accept(0);
        return marked;
    }

    private int indexOf(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(TEXTS.format("storeIdMissing")); //$NON-NLS-1$
        }
        int found = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().startsWith(id.strip())) {
                if (found >= 0) {
                    throw new IllegalArgumentException(TEXTS.format("storeIdAmbiguous", id)); //$NON-NLS-1$
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(TEXTS.format("storeIdUnknown", id)); //$NON-NLS-1$
        }
        return found;
    }

    private int countUnread() {
        return (int) messages.stream().filter(message -> !message.read()).count();
    }

    /** Runs a change under the home's lock on the messages; a lock that cannot be taken fails in words. */
    private <T> T locked(HomeLock.Work<T, RuntimeException> work) {
        try {
            return lock.call(work);
        } catch (IOException e) {
            throw new UncheckedIOException(TEXTS.format("storeCannotLock", file.path(), lock.path(), e.getMessage()), //$NON-NLS-1$
                    e);
        }
    }

    /**
     * Reads the file again if another process changed it since this one last read or wrote it (one {@code stat}
     * when not). Called holding this object's monitor.
     *
     * @return whether the messages changed
     */
    private boolean readIfChanged() {
        try {
            FileStamp now = FileStamp.of(file.path());
            if (now.equals(known)) {
                return false;
            }
            MessageFile.Loaded loaded = file.load();
            // an unsure stamp (taken within the tick of a change) is held until the tick has passed: the file is
            // read again meanwhile, and is a change only if the messages differ
            known = now.trustedAt(fileSystemNow());
            if (messages.equals(loaded.messages())) {
                return false;
            }
            messages.clear();
            messages.addAll(loaded.messages());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(TEXTS.format("storeCannotRead", file.path(), e.getMessage()), e); //$NON-NLS-1$
        }
    }

    /** For readers: what another process wrote if it can be read, else what this one holds (and why, in the log). */
    private void readIfChangedOrKeep() {
        try {
            readIfChanged();
            readFailures.succeeded(() -> TEXTS.format("storeReadAgain", file.path())); //$NON-NLS-1$
        } catch (UncheckedIOException e) {
            readFailures.failed(e.getMessage(), e);
        }
    }

    private void saveOrUndo(Runnable undo) {
        try {
            file.save(messages);
        } catch (IOException e) {
            undo.run();
            throw new UncheckedIOException(TEXTS.format("storeCannotSave", file.path(), e.getMessage()), e); //$NON-NLS-1$
        }
        try {
            known = FileStamp.of(file.path()).trustedAt(fileSystemNow());
        } catch (IOException e) {
            known = FileStamp.ABSENT; // read again next time
        }
    }

    /** The file system's time, not the messages' clock (a test's fixed clock): stamps are compared with it. */
    private static java.time.Instant fileSystemNow() {
        return java.time.Instant.now();
    }

    private String newId() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
