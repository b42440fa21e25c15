package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.FleetException;
import org.certbench.core.ChangeListeners;
import org.certbench.core.FileStamp;
import org.certbench.core.HomeLock;
import org.eclipse.osgi.util.NLS;

/**
 * The agents in memory, backed by the {@link AgentStore}. Changes to one agent are serialised by a lock
 * chosen by its name, so a batch updating a thousand agents writes their files in parallel, while two
 * changes of the same agent never interleave. ReentrantLocks rather than {@code synchronized}, so that a
 * virtual thread waiting on one does not pin its carrier during file I/O.
 * <p>
 * The workbench and a shell may change the inventory at once: a change takes the same bucket's region of
 * {@code agents/agents.lock} (names hash alike in every process), reads the agent's file as it is now and
 * changes that, so neither process writes back its stale copy over the other's change or adds an agent twice.
 * The list is brought up to date with what another process changed when the directory changed: the files whose
 * {@link FileStamp} differs from what this process last read or wrote are read again (a listing and a
 * {@code stat} per agent, no reading, when only this process wrote).
 */
final class Inventory {

    /** Agent names are shown in tables and used in file names: a sane length, no control characters. */
    static final int MAX_NAME_LENGTH = 200;

    @FunctionalInterface
    interface Change {
        /** The agent as it should be stored, from the current one ({@code null} if absent); {@code null} removes it. */
        AgentEntry apply(AgentEntry current) throws FleetException;
    }

    private final AgentStore store;
    private final HomeLock homeLock;
    private final Map<String, AgentEntry> agents = new ConcurrentHashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[64];
    private final List<String> loadProblems;
    /** Per agent file, its stamp when this process last read or wrote it, and the agent's name in it. */
    private final Map<Path, FileStamp> stamps = new ConcurrentHashMap<>();
    private final Map<Path, String> names = new ConcurrentHashMap<>();
    private FileStamp knownDirectory = FileStamp.ABSENT;
    /** The directory's stamp was taken within the clock tick of its change: a later change may not show in it. */
    private boolean racy;
    private final ChangeListeners listeners = new ChangeListeners(System.getLogger(Inventory.class.getName()));

    Inventory(AgentStore store) throws IOException {
        this.store = store;
        this.homeLock = new HomeLock(store.path().resolve("agents.lock")); //$NON-NLS-1$
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        knownDirectory = FileStamp.of(store.path());
        racy = knownDirectory.racyAt(java.time.Instant.now());
        AgentStore.Loaded loaded = store.load();
        for (AgentEntry agent : loaded.agents()) {
            agents.put(agent.name(), agent);
            remember(agent.name());
        }
        this.loadProblems = loaded.problems();
    }

    /** Records the stamp of the agent's file as this process read or wrote it. */
    private void remember(String name) {
        Path file = store.fileOf(name);
        try {
            FileStamp stamp = FileStamp.of(file);
            if (stamp.equals(FileStamp.ABSENT)) {
                stamps.remove(file);
                names.remove(file);
            } else {
                stamps.put(file, stamp.trustedAt(java.time.Instant.now()));
                names.put(file, name);
            }
        } catch (IOException e) {
            stamps.remove(file); // read again at the next look
        }
    }

    /** {@code listener} is told, on the thread that noticed, when another process changed the inventory. */
    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Brings this process's copy up to date with the files another process added, changed or removed since this
     * one last looked, and tells the listeners if anything changed; an unreadable file is skipped (it was reported
     * at start, or is being replaced).
     */
    void readChanges() {
        if (readChangesLocked()) {
            listeners.fire();
        }
    }

    /** @return whether an agent was added, changed or removed */
    private synchronized boolean readChangesLocked() {
        boolean changed = false;
        try {
            FileStamp directory = FileStamp.of(store.path());
            if (directory.equals(knownDirectory) && !racy) {
                return false;
            }
            // the stamp before the listing: a change during it is seen at the next look
            knownDirectory = directory;
            racy = directory.racyAt(java.time.Instant.now());
            java.util.Set<Path> present = new java.util.HashSet<>();
            for (Path file : store.agentFiles()) {
                present.add(file);
                FileStamp stamp = FileStamp.of(file);
                if (!stamp.equals(stamps.get(file))) {
                    try {
                        changed |= apply(file, stamp, store.read(file));
                    } catch (IOException | RuntimeException | org.certbench.crypto.CertBenchCryptoException e) {
                        // as at start: an unreadable agent file is left out
                    }
                }
            }
            for (Path gone : List.copyOf(stamps.keySet())) {
                if (!present.contains(gone)) {
                    changed |= forget(gone);
                }
            }
        } catch (IOException e) {
            knownDirectory = FileStamp.ABSENT; // looked at again next time
        }
        return changed;
    }

    /**
     * Takes {@code agent}, read from {@code file} whose stamp was {@code seen} before reading, if the file is still
     * as it was: this process's own {@link #change} may have written it since (it holds the agent's lock while it
     * writes and records the stamp), and an older read must not overwrite its entry.
     *
     * @return whether the entry changed
     */
    private boolean apply(Path file, FileStamp seen, AgentEntry agent) throws IOException {
        ReentrantLock lock = lockOf(agent.name());
        lock.lock();
        try {
            if (!FileStamp.of(file).equals(seen)) {
                return false; // changed while it was read: the next look reads it again
            }
            boolean changed = !agent.equals(agents.put(agent.name(), agent));
            stamps.put(file, seen.trustedAt(java.time.Instant.now()));
            names.put(file, agent.name());
            return changed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets the agent of {@code file}, which the listing did not show, if it is still absent: the listing may have
     * been taken before this process added it.
     *
     * @return whether an agent was removed
     */
    private boolean forget(Path file) throws IOException {
        String name = names.get(file);
        if (name == null) {
            stamps.remove(file);
            return false;
        }
        ReentrantLock lock = lockOf(name);
        lock.lock();
        try {
            if (!FileStamp.of(file).equals(FileStamp.ABSENT)) {
                return false;
            }
            stamps.remove(file);
            names.remove(file);
            return agents.remove(name) != null;
        } finally {
            lock.unlock();
        }
    }

    private ReentrantLock lockOf(String name) {
        return locks[bucketOf(name)];
    }

    private int bucketOf(String name) {
        return Math.floorMod(name.hashCode(), locks.length);
    }

    List<String> loadProblems() {
        return loadProblems;
    }

    List<AgentEntry> list() {
        readChanges();
        return agents.values().stream()
                .sorted(Comparator.comparing((AgentEntry agent) -> agent.name().toLowerCase(Locale.ROOT))
                        .thenComparing(AgentEntry::name))
                .toList();
    }

    AgentEntry get(String name) throws FleetException {
        AgentEntry agent = name == null ? null : agents.get(name);
        if (agent == null) {
            throw new FleetException(NLS.bind(Messages.Agent_unknown, name));
        }
        return agent;
    }

    AgentEntry find(String name) {
        return agents.get(name);
    }

    /**
     * Applies {@code change} to the agent as stored now and stores the result, under the agent's lock in this
     * process and in every other one.
     */
    AgentEntry change(String name, Change change) throws FleetException {
        int bucket = bucketOf(name);
        ReentrantLock lock = locks[bucket];
        lock.lock();
        try {
            return homeLock.call(bucket, () -> {
                AgentEntry current = current(name);
                AgentEntry next = change.apply(current);
                try {
                    if (next == null) {
                        store.delete(name);
                        agents.remove(name);
                    } else if (!next.equals(current)) {
                        store.write(next);
                        agents.put(name, next);
                    }
                    // else the file says so already (a renewal through the CA trusted before, key kept): a write and
                    // its flush for nothing
                    remember(name);
                } catch (IOException e) {
                    throw new FleetException(NLS.bind(Messages.Store_cannotWrite, store.fileOf(name), e.getMessage()),
                            e);
                }
                return next;
            });
        } catch (IOException e) {
            throw new FleetException(NLS.bind(Messages.Store_cannotWrite, store.fileOf(name),
                    NLS.bind(Messages.Store_cannotLock, homeLock.path(), e.getMessage())), e);
        } finally {
            lock.unlock();
        }
    }

    /** The agent as stored now, and this process's copy brought up to date with it. */
    private AgentEntry current(String name) throws FleetException {
        AgentEntry current;
        try {
            current = store.readCurrent(name);
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException
                | org.certbench.crypto.CertBenchCryptoException e) {
            throw new FleetException(NLS.bind(Messages.Store_cannotRead, store.fileOf(name), e.getMessage()), e);
        }
        if (current == null) {
            agents.remove(name);
        } else {
            agents.put(name, current);
        }
        remember(name);
        return current;
    }

    /** @return the name as stored (stripped), or throws if it cannot be an agent's name */
    static String checkName(String name) throws FleetException {
        String stripped = name == null ? "" : name.strip(); //$NON-NLS-1$
        if (stripped.isEmpty()) {
            throw new FleetException(Messages.Agent_nameMissing);
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw new FleetException(NLS.bind(Messages.Agent_nameTooLong, MAX_NAME_LENGTH));
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new FleetException(Messages.Agent_nameControl);
        }
        return stripped;
    }
}
