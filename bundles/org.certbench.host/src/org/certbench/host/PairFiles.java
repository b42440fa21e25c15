package org.certbench.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

import org.certbench.core.AtomicFiles;

/**
 * Writes a certificate file and a key file for a {@link ServiceTarget}, keeping what they replace beside them as
 * {@code <file>.previous}, and puts that back on request. Each file is written atomically; the key never exists
 * with other permissions than 0600. For targets of plug-ins as much as for the built-in ones.
 */
public final class PairFiles {

    /** Appended to a file's name for the copy of what the last install replaced. */
    public static final String PREVIOUS_SUFFIX = ".previous";

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
        keep(certificateFile);
        keep(keyFile);
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
                restore(file);
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

    private static void keep(Path file) throws IOException {
        Path previous = previous(file);
        if (!Files.exists(file)) {
            // restore must then remove the new file: a stale .previous from an older install would be wrong
            Files.deleteIfExists(previous);
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        AtomicFiles.write(previous, Files.readAllBytes(file), permissions);
        setOwner(previous, Files.getOwner(file));
    }

    private static void restore(Path file) throws IOException {
        Path previous = previous(file);
        if (Files.exists(previous)) {
            Files.move(previous, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, String pem, Set<PosixFilePermission> permissions, UserPrincipal owner)
            throws IOException {
        AtomicFiles.write(file, pem.getBytes(StandardCharsets.US_ASCII), permissions);
        setOwner(file, owner);
    }

    private static void setOwner(Path file, UserPrincipal owner) throws IOException {
        if (owner != null && !owner.equals(Files.getOwner(file))) {
            Files.setOwner(file, owner);
        }
    }
}
