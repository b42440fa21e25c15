package org.certbench.issuers.internal.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.certbench.core.HomeLock;
import org.certbench.core.LinkSafeDirectory;

/**
 * The configured issuers' directory, {@code <home>/issuers/}, as every kind of configured issuer keeps its files there
 * (the command issuers {@code NAME.command}, the ACME issuers {@code NAME.acme}, each with files beside): one name
 * rule, the directory made 0700 without following a link, changes under {@code issuers.lock} through the opened
 * directory, and the list of paths whose owners decide whether a configuration may be used. Shared by this bundle and
 * the ACME issuer's (x-friends), no API.
 */
public final class IssuerFiles {

    /** An issuer's name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"); //$NON-NLS-1$
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------"); //$NON-NLS-1$

    private final Path directory;
    private final HomeLock lock;

    /** A change of one issuer's files, made through the opened {@code issuers/}. */
    @FunctionalInterface
    public interface Change<T> {

        /**
         * @param files {@code issuers/}, opened without following a link
         * @return what the change returns
         * @throws IOException in words
         */
        T apply(LinkSafeDirectory files) throws IOException;
    }

    /** @param issuersDirectory {@code <home>/issuers} */
    public IssuerFiles(Path issuersDirectory) {
        this.directory = issuersDirectory.toAbsolutePath().normalize();
        this.lock = new HomeLock(directory.resolve("issuers.lock")); //$NON-NLS-1$
    }

    /** {@return {@code <home>/issuers}, absolute} */
    public Path directory() {
        return directory;
    }

    /**
     * {@return the home, {@code issuers/} and the issuer's files {@code name + suffix}}: whoever can change one of them
     * chooses what runs, or where root writes.
     *
     * @param name the issuer's name
     * @param suffixes the endings of its files, {@code ".command"} say
     */
    public List<Path> configuration(String name, String... suffixes) {
        List<Path> paths = new ArrayList<>(List.of(directory.getParent(), directory));
        for (String suffix : suffixes) {
            paths.add(directory.resolve(name + suffix));
        }
        return List.copyOf(paths);
    }

    /**
     * {@return the names of the files ending in {@code suffix}, without it, sorted; none if there is no
     * {@code issuers/}} Names that break {@link #NAME} are included: the caller says which it leaves out.
     *
     * @param suffix the ending of the files that configure one issuer each
     * @throws IOException if the directory cannot be listed
     */
    public List<String> names(String suffix) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + suffix)) { //$NON-NLS-1$
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                names.add(fileName.substring(0, fileName.length() - suffix.length()));
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Makes {@code issuers/} (0700) if missing, never through a link, then applies {@code change} to it under
     * {@code issuers.lock}: a shell and the workbench change the issuers one at a time.
     *
     * @param change what to write, read or remove there
     * @return what the change returned
     * @throws IOException in words if the directory, the lock or the change fails
     */
    public <T> T change(Change<T> change) throws IOException {
        createDirectory();
        return lock.call(() -> {
            try (LinkSafeDirectory files = LinkSafeDirectory.open(directory)) {
                return change.apply(files);
            }
        });
    }

    /**
     * Removes the issuer's files under the lock, never what a link there points to.
     *
     * @param name the issuer's name; one that breaks {@link #NAME} has no files
     * @param suffix the ending of the file that configures the issuer
     * @param others the endings of the files beside it
     * @return whether the issuer was configured (its {@code name + suffix} was there)
     * @throws IOException in words if a file cannot be removed
     */
    public boolean remove(String name, String suffix, String... others) throws IOException {
        if (!NAME.matcher(name).matches() || !Files.isDirectory(directory)) {
            return false;
        }
        try {
            return change(files -> {
                boolean removed = files.delete(name + suffix);
                for (String other : others) {
                    files.delete(name + other);
                }
                return removed;
            });
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Makes {@code issuers/} (0700) in the home if it is missing, never through a link.
     *
     * @throws IOException in words if the home is a link or cannot be opened
     */
    public void createDirectory() throws IOException {
        try (LinkSafeDirectory home = LinkSafeDirectory.open(directory.getParent())) {
            home.createDirectoryIfAbsent(directory.getFileName().toString(), PRIVATE_DIRECTORY, null);
        }
    }
}
