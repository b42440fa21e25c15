package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.SeenCertificate;
import org.certbench.core.AtomicFiles;
import org.certbench.core.FailureLog;
import org.certbench.core.FileStamp;
import org.certbench.core.HomeLock;
import org.certbench.core.PropertiesFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.eclipse.osgi.util.NLS;

/**
 * What each agent presented at its last live status, in {@code <home>/agents/seen/last-seen.properties}
 * ({@code <agent name>=<SHA-256 fingerprint> <ISO instant>}; the certificates themselves in the inventory's
 * {@code certificates/}). A sub-directory, so that writing it does not look like an inventory change to the watch.
 * <p>
 * A refresh of 10,000 agents records in memory and writes the file once at its end ({@link #flush}); under the
 * file's lock the file is read again and the newer sighting of each agent wins, so two processes refreshing at
 * once lose nothing. A sighting another process wrote (a one-shot {@code certbench-shell agent:status}) is noticed by
 * the fleet's watch ({@link #readChanges}), which tells the same listeners. The file is read at most
 * {@link #MAX_BYTES}: a larger one is refused in words and what was read before is kept. A file that cannot be
 * read is said in the log and, once the system messages are there ({@link #tellAdministrators}), in a system message
 * (the bell): else an administrator would only see the agents' certificates missing from the Expiry view and the
 * checks. Thread-safe.
 */
final class LastSeen {

    private static final System.Logger LOG = System.getLogger(LastSeen.class.getName());

    /**
     * 10,000 agents are ≈ 1.5 MB (a line is a name, a fingerprint of 95 characters and an instant); this leaves room
     * for 100,000 agents with names of 200 characters, and keeps a file that grew by mistake or on purpose out of
     * the memory of every process that reads it at a look of its watch.
     */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    private record Sighting(String fingerprint, Instant at) {
    }

    private final AgentStore store;
    private final Path file;
    private final HomeLock lock;
    private final FailureLog failures;
    private final Map<String, Sighting> pending = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Path> unsynced = new ArrayList<>();
    private final AtomicReference<SystemMessages> bell = new AtomicReference<>();
    private Map<String, Sighting> known = Map.of();
    private FileStamp stamp = FileStamp.UNSURE;
    /** Whether {@link #known} was read once: until someone asked, another process's change is nobody's news. */
    private boolean loaded;

    LastSeen(AgentStore store) {
        this(store, LOG);
    }

    /** With the log its failures go to (tests read what an administrator would). */
    LastSeen(AgentStore store, System.Logger log) {
        this.store = store;
        this.failures = new FailureLog(log);
        Path directory = store.path().resolve("seen"); //$NON-NLS-1$
        this.file = directory.resolve("last-seen.properties"); //$NON-NLS-1$
        this.lock = new HomeLock(directory.resolve("last-seen.lock")); //$NON-NLS-1$
    }

    /** From now on a read failure is also posted to {@code messages}. */
    void tellAdministrators(SystemMessages messages) {
        bell.set(messages);
    }

    /** Undoes {@link #tellAdministrators} with these {@code messages}, unless others were given since. */
    void stopTelling(SystemMessages messages) {
        bell.compareAndSet(messages, null);
    }

    /** Notes a sighting; written by the next {@link #flush}. */
    void record(String agent, Certificate certificate, Instant at) {
        try {
            Path written = store.storeCertificateUnsynced(certificate);
            if (written != null) {
                synchronized (unsynced) {
                    unsynced.add(written);
                }
            }
            pending.merge(agent, new Sighting(certificate.sha256Fingerprint(), at), LastSeen::newer);
        } catch (IOException e) {
            failures.failed(NLS.bind(Messages.Store_cannotWrite, store.path(), e.getMessage()), e);
        }
    }

    /** Told after a {@link #flush} wrote sightings, on the flushing thread. */
    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Writes what was recorded since the last flush, then tells the listeners (outside this object's lock, so that a
     * listener may read {@link #of} at once from another thread). A failure is logged (once while it lasts), not
     * thrown: the status it came with is still true, only the overview stays older.
     */
    void flush() {
        if (write()) {
            tell();
        }
    }

    /**
     * What the fleet's watch runs: when the file changed since this process last read or wrote it and holds other
     * sightings than it knew (another process's refresh), they are read and the listeners told, on the calling
     * thread. One {@code stat} when nothing changed; nothing at all before anyone asked for {@link #of}.
     */
    void readChanges() {
        boolean changed;
        synchronized (this) {
            if (!loaded) {
                return;
            }
            try {
                FileStamp now = FileStamp.of(file);
                if (now.equals(stamp)) {
                    return;
                }
                Map<String, Sighting> read = read();
                stamp = now.trustedAt(Instant.now());
                // this process's own write within the clock's tick looks changed too: only other content is news
                changed = !read.equals(known);
                known = Map.copyOf(read);
                failures.succeeded(() -> NLS.bind(Messages.Store_lastSeenRead, file));
            } catch (IOException e) {
                readFailed(e);
                return;
            }
        }
        if (changed) {
            tell();
        }
    }

    private void tell() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) { // NOPMD one listener's failure must not keep the others uninformed
                LOG.log(System.Logger.Level.WARNING, String.valueOf(e.getMessage()), e);
            }
        }
    }

    private synchronized boolean write() {
        if (pending.isEmpty()) {
            return false;
        }
        Map<String, Sighting> taken = new HashMap<>(pending);
        try {
            List<Path> certificates;
            synchronized (unsynced) {
                certificates = List.copyOf(unsynced);
                unsynced.clear();
            }
            AtomicFiles.sync(certificates);
            Files.createDirectories(file.getParent());
            lock.call(() -> {
                Map<String, Sighting> merged = new HashMap<>(read());
                taken.forEach((agent, sighting) -> merged.merge(agent, sighting, LastSeen::newer));
                write(merged);
                known = Map.copyOf(merged);
                stamp = FileStamp.of(file).trustedAt(Instant.now());
                loaded = true;
                return null;
            });
            // only what was written: a sighting recorded meanwhile replaced its entry and waits for the next flush
            taken.forEach((agent, sighting) -> pending.remove(agent, sighting));
            failures.succeeded(() -> NLS.bind(Messages.Store_lastSeenWritten, file));
            return true;
        } catch (IOException e) {
            failures.failed(NLS.bind(Messages.Store_cannotWrite, file, e.getMessage()), e);
            return false;
        }
    }

    /**
     * Drops what was seen of a removed agent, so that an agent added again under its name does not show the old
     * one's certificate. A failure is logged: {@link #of} ignores a sighting older than the agent's addition anyway.
     */
    synchronized void forget(String agent) {
        pending.remove(agent);
        try {
            Files.createDirectories(file.getParent());
            lock.call(() -> {
                Map<String, Sighting> current = new HashMap<>(read());
                if (current.remove(agent) != null) {
                    write(current);
                }
                known = Map.copyOf(current);
                stamp = FileStamp.of(file).trustedAt(Instant.now());
                return null;
            });
        } catch (IOException e) {
            failures.failed(NLS.bind(Messages.Store_cannotWrite, file, e.getMessage()), e);
        }
    }

    /**
     * The last sighting of each of {@code agents} that has one, in their order; a sighting from before the agent was
     * added belongs to an earlier agent of that name and is left out.
     */
    List<SeenCertificate> of(Collection<AgentEntry> agents) {
        flush();
        return known(agents);
    }

    private synchronized List<SeenCertificate> known(Collection<AgentEntry> agents) {
        try {
            FileStamp now = FileStamp.of(file);
            if (!now.equals(stamp)) {
                known = Map.copyOf(read());
                stamp = now.trustedAt(Instant.now());
            }
            loaded = true;
        } catch (IOException e) {
            readFailed(e);
        }
        List<SeenCertificate> seen = new ArrayList<>();
        for (AgentEntry entry : agents) {
            String agent = entry.name();
            Sighting sighting = known.get(agent);
            if (sighting == null || sighting.at().isBefore(entry.added())) {
                continue;
            }
            try {
                Certificate certificate = store.storedCertificate(sighting.fingerprint());
                if (certificate != null) {
                    seen.add(new SeenCertificate(agent, certificate, sighting.at()));
                }
            } catch (IOException | CertBenchCryptoException | IllegalArgumentException e) {
                failures.failed(NLS.bind(Messages.Store_cannotRead, file, e.getMessage()), e);
            }
        }
        return seen;
    }

    /**
     * Logs the failure (once while it lasts) and posts it as a system message. The message's key is its text: one
     * message for one failure, however many looks of the watch and processes of the home see it (the bell keeps
     * keys), and another one for another failure.
     */
    private void readFailed(IOException e) {
        String logged = NLS.bind(Messages.Store_cannotRead, file, e.getMessage());
        failures.failed(logged, e);
        SystemMessages messages = bell.get();
        if (messages == null) {
            return;
        }
        try {
            messages.post(Severity.WARNING, Messages.Source, NLS.bind(Messages.Store_lastSeenUnreadable, file,
                    e.getMessage()), "agents.lastSeen.unreadable " + logged); //$NON-NLS-1$
        } catch (RuntimeException notPosted) { // NOPMD the log above has it; the bell's own failure is its own
            LOG.log(System.Logger.Level.WARNING, String.valueOf(notPosted.getMessage()), notPosted);
        }
    }

    /** @throws IOException in words also when the file is larger than {@link #MAX_BYTES} (nothing of it is used) */
    private Map<String, Sighting> read() throws IOException {
        Properties properties;
        try {
            properties = PropertiesFiles.load(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, Sighting> read = new HashMap<>();
        for (String agent : properties.stringPropertyNames()) {
            String[] parts = properties.getProperty(agent).strip().split(" ", 2); //$NON-NLS-1$
            try {
                if (parts.length == 2) {
                    read.put(agent, new Sighting(parts[0], Instant.parse(parts[1])));
                }
            } catch (DateTimeParseException e) {
                // a hand-edited line is skipped: the next refresh of that agent writes it again
            }
        }
        return read;
    }

    private void write(Map<String, Sighting> sightings) throws IOException {
        Properties properties = new Properties();
        sightings.forEach((agent, sighting) -> properties.setProperty(agent,
                sighting.fingerprint() + " " + sighting.at())); //$NON-NLS-1$
        StringWriter text = new StringWriter();
        properties.store(text, "CertBench: what each agent presented at its last status; certificates in ../certificates/"); //$NON-NLS-1$
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Sighting newer(Sighting one, Sighting other) {
        return other.at().isAfter(one.at()) ? other : one;
    }
}
