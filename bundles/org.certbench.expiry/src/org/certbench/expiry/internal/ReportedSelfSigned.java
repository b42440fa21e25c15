package org.certbench.expiry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeFiles;

/**
 * Which agents' pinned self-signed certificates were summed up in which stage, in
 * {@code <home>/expiry/selfsigned-reported} (one {@code <agent> <SHA-256> <stage>} a line) under the lock
 * {@code expiry/selfsigned-reported.lock}, shared by every process on the home: a summary names only the agents that
 * newly crossed a stage, not all of them again whenever one moves on. Thread-safe.
 */
final class ReportedSelfSigned {

    /** Work done with the agents newly in a stage, while the lock is held. */
    @FunctionalInterface
    interface Report {
        /** @return how many messages it posted */
        int report(Set<String> newly);
    }

    /** 10,000 agents take about 1 MB: a larger file is no record of ours and counts as empty. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Path file;
    private final HomeLock lock;

    ReportedSelfSigned(Path directory) {
        this(directory, "selfsigned-reported"); //$NON-NLS-1$
    }

    /** The record {@code name} in {@code directory} under the lock {@code name.lock}, for another kind of summary. */
    ReportedSelfSigned(Path directory, String name) {
        this.file = directory.resolve(name);
        this.lock = new HomeLock(directory.resolve(name + ".lock")); //$NON-NLS-1$
    }

    /**
     * Calls {@code report} with the items of {@code current} not reported before (none: not called), then notes
     * {@code current} as reported: an agent that left its stage (renewed, removed) is forgotten, and reported again
     * when it enters one.
     */
    int reportNew(Set<String> current, Report report) throws IOException {
        Files.createDirectories(file.getParent());
        return lock.call(() -> {
            Set<String> newly = new HashSet<>(current);
            newly.removeAll(read());
            int posted = newly.isEmpty() ? 0 : report.report(newly);
            AtomicFiles.write(file, (String.join("\n", current.stream().sorted().toList()) + "\n") //$NON-NLS-1$ //$NON-NLS-2$
                    .getBytes(StandardCharsets.UTF_8));
            return posted;
        });
    }

    private Set<String> read() throws IOException {
        byte[] bytes;
        try {
            // never through a link nor from a FIFO (which would block here, the lock held): either is refused in words
            bytes = LinkSafeFiles.readAtMost(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            return Set.of();
        }
        if (bytes.length > MAX_BYTES) {
            return Set.of();
        }
        Set<String> read = new HashSet<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) { //$NON-NLS-1$
            if (!line.isBlank()) {
                read.add(line.strip());
            }
        }
        return read;
    }
}
