package org.certbench.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes files so that a crash at any moment leaves either the old content or the new one, never a mix:
 * a temporary file in the same directory, flushed to disk, then renamed over the target, then the
 * directory flushed so the rename itself survives a power cut. Every write goes through a
 * {@link LinkSafeDirectory}, so none follows a link: the same code serves the home and root writing into a
 * service's directory.
 */
public final class AtomicFiles {

    /** Permissions of private keys and other secrets. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} (written beside it, then renamed into place) with the default
     * permissions of a new file.
     * @throws IOException when the file cannot be written
     */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, null);
    }

    /** Writes {@code content} to {@code target}; with {@code permissions}, the file never exists without them. */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        write(target, content, permissions, null, true);
    }

    /**
     * As {@link #write(Path, byte[], Set)}, the file owned by {@code owner} from before it is renamed into place (a
     * key a service must own, written by root into the service's directory); {@code null} leaves it to the user
     * CertBench runs as.
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions, UserPrincipal owner)
            throws IOException {
        write(target, content, permissions, owner, true);
    }

    /**
     * As {@link #write(Path, byte[])} for one file of many written together (a CSR per agent): atomic for every
     * reader and across a crash of this process, but durable across a power cut only after {@link #sync} of
     * the batch. Until then the file's data may still be in the page cache: a power cut could leave it empty.
     * Each flush costs a journal commit (≈ 0.5 ms CPU here, a third of a fleet CSR); one commit per batch
     * writes all of them.
     */
    public static void writeUnsynced(Path target, byte[] content) throws IOException {
        write(target, content, null, null, false);
    }

    /**
     * Makes files written by {@link #writeUnsynced} durable: their data, then their directory entries. Every file
     * is tried, whatever happens to the others.
     *
     * @return the files that could not be flushed, with the reason; empty when all are durable
     */
    public static Map<Path, IOException> sync(Collection<Path> files) {
        Map<Path, IOException> failed = new LinkedHashMap<>();
        for (Path file : files) {
            // the first flush commits the journal with every file's data; the rest find little left to do
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                failed.put(file, e);
            }
        }
        for (Path directory : files.stream().map(file -> file.toAbsolutePath().getParent()).distinct().toList()) {
            syncDirectory(directory);
        }
        return failed;
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> permissions, UserPrincipal owner,
            boolean durable) throws IOException {
        Path absolute = target.toAbsolutePath();
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(absolute.getParent())) {
            directory.write(absolute.getFileName().toString(), content, permissions, owner, durable);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for reading; the rename is still atomic there
        }
    }
}
