package org.certbench.agents.connector.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.FleetException;
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

    Inventory(AgentStore store) throws IOException {
        this.store = store;
        this.homeLock = new HomeLock(store.path().resolve("agents.lock")); //$NON-NLS-1$
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
        AgentStore.Loaded loaded = store.load();
        loaded.agents().forEach(agent -> agents.put(agent.name(), agent));
        this.loadProblems = loaded.problems();
    }

    List<String> loadProblems() {
        return loadProblems;
    }

    List<AgentEntry> list() {
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
        int bucket = Math.floorMod(name.hashCode(), locks.length);
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
                    } else {
                        store.write(next);
                        agents.put(name, next);
                    }
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
