package org.certbench.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.LinkSafeDirectory;

/**
 * Writes a certificate file and a key file for a {@link ServiceTarget}, keeping what they replace beside them as
 * {@code <file>.previous}, and puts that back on request. Each file is written atomically; the key never exists
 * with other permissions than 0600, nor with another owner. For targets of plug-ins as much as for the built-in
 * ones. This runs as root in directories that belong to the service: every step goes through a
 * {@link LinkSafeDirectory}, so no link planted there makes root read, write, chmod or chown another file — a
 * link in place of a file or its directory is refused in words.
 */
public final class PairFiles {

    /** Appended to a file's name for the copy of what the last install replaced. */
    public static final String PREVIOUS_SUFFIX = ".previous";
    /** A certificate chain or a key file is a few KiB; anything far larger is no such file. */
    private static final int MAX_FILE_SIZE = 1 << 20;

    private PairFiles() {
    }

    /** Where the file that {@code file} replaced is kept. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + PREVIOUS_SUFFIX);
    }

    /**
     * Keeps the current files as {@code .previous} (or notes that there were none), then writes the new ones.
     * When writing a new file fails, the previous files are put back before the exception is thrown, so a failed
     * install leaves the service's files as they were.
     *
     * @param owner the user to own both files (the key is 0600, so the service must be its owner), or
     *              {@code null} to leave them to the user CertBench runs as
     */
    public static void install(ServerCredentials credentials, Path certificateFile, Path keyFile, UserPrincipal owner)
            throws IOException {
        keepPrevious(certificateFile);
        keepPrevious(keyFile);
        try {
            write(certificateFile, credentials.certificatePem(), null, owner);
            write(keyFile, credentials.keyPem(), AtomicFiles.OWNER_ONLY, owner);
        } catch (IOException | RuntimeException e) {
            try {
                restorePrevious(certificateFile, keyFile);
            } catch (IOException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw e;
        }
    }

    /**
     * Puts back what the last {@link #install} replaced: the {@code .previous} file is renamed over the file
     * (atomically, with its owner and permissions), or the file is removed where there was none before.
     */
    public static void restorePrevious(Path certificateFile, Path keyFile) throws IOException {
        IOException failure = null;
        for (Path file : new Path[] { certificateFile, keyFile }) {
            try {
                restorePrevious(file);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Keeps {@code file} as {@code <file>.previous}, with its permissions and owner, or notes that there was none
     * (a stale {@code .previous} of an older install is removed). For targets that install more than a pair (a
     * combined file) and put it back with {@link #restorePrevious}.
     *
     * @return the owner of the file kept, {@code null} when there was none
     * @throws IOException in words if {@code file} or its directory is a link
     */
    public static UserPrincipal keepPrevious(Path file) throws IOException {
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(parent(file))) {
            String name = file.getFileName().toString();
            PosixFileAttributes current = directory.attributes(name);
            if (current == null) {
                // restore must then remove the new file: a stale .previous from an older install would be wrong
                directory.delete(name + PREVIOUS_SUFFIX);
                return null;
            }
            byte[] content = directory.read(name, MAX_FILE_SIZE);
            // the .previous name is CertBench's own: whatever is there (a planted link too) goes, unfollowed
            directory.delete(name + PREVIOUS_SUFFIX);
            directory.write(name + PREVIOUS_SUFFIX, content, current.permissions(), current.owner(), true);
            return current.owner();
        }
    }

    /** As {@link #restorePrevious(Path, Path)} for one file (a target that installs one combined file). */
    public static void restorePrevious(Path file) throws IOException {
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(parent(file))) {
            String name = file.getFileName().toString();
            if (directory.attributes(name + PREVIOUS_SUFFIX) != null) {
                directory.rename(name + PREVIOUS_SUFFIX, name);
                directory.sync();
            } else {
                directory.delete(name);
            }
        }
    }

    private static void write(Path file, String pem, Set<PosixFilePermission> permissions, UserPrincipal owner)
            throws IOException {
        AtomicFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII), permissions, owner);
    }

    private static Path parent(Path file) {
        return file.toAbsolutePath().getParent();
    }
}
