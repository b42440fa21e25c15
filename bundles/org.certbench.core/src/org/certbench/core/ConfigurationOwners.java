package org.certbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;

/**
 * Who may configure what CertBench runs: the home, {@code host/} (reload commands) and {@code plugins/} (code
 * that is loaded) must belong to the user running CertBench, or to root, and be writable by no one else —
 * otherwise another user chooses what runs as this one, as root when CertBench installs host certificates.
 * Checked before running a reload command or loading plug-ins; refused in words with the command that fixes it.
 */
public final class ConfigurationOwners {

    private static final TextBundle TEXTS = new TextBundle("org.certbench.core.messages", //$NON-NLS-1$
            ConfigurationOwners.class.getClassLoader());
    private static final String ROOT = "root"; //$NON-NLS-1$
    private static final Set<PosixFilePermission> WRITE_BY_OTHERS = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private ConfigurationOwners() {
    }

    /**
     * Checks each of {@code paths} that exists (following a link: what counts is what is read); one that is missing
     * configures nothing.
     *
     * @throws IOException in words, naming the path, its owner or permissions and the command that fixes them
     */
    public static void requireSafe(List<Path> paths) throws IOException {
        for (Path path : paths) {
            PosixFileAttributes attributes = attributesOrNull(path);
            if (attributes != null) {
                check(path, attributes, false);
            }
        }
    }

    /**
     * For a directory a program keeps its own state in, which root may also change on the owner's behalf (the
     * agent's state directory: the agent runs as a service user, its CLI is run as root): it must belong to the user
     * running this, or to root, and be writable by no one else — except that root may use a directory of another
     * user. Files root writes there must then belong to that user, or the service could no longer read its key.
     *
     * @return the owner that files written into {@code directory} must get: {@code null} for the user running this
     *         (who owns the directory, or is root in a directory of root), else the directory's owner
     * @throws IOException in words as {@link #requireSafe}, also when {@code directory} does not exist
     */
    public static UserPrincipal requireOwnState(Path directory) throws IOException {
        PosixFileAttributes attributes = attributesOrNull(directory);
        if (attributes == null) {
            throw new NoSuchFileException(directory.toString());
        }
        check(directory, attributes, runningAsRoot());
        String owner = attributes.owner().getName();
        return owner.equals(runningUser()) ? null : runningAsRoot() ? attributes.owner() : null;
    }

    /**
     * Whether this process runs as root: CertBench's one root check (the home's rules here, the agent's default
     * state directory, running a service's tools as its own user). By the effective user id: the owner of the
     * {@code /proc/self} directory (the process's own directory the link leads to); where there is no
     * {@code /proc}, by the name Java reports.
     */
    public static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")); //$NON-NLS-1$ //$NON-NLS-2$
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return ROOT.equals(runningUser());
        }
    }

    private static String runningUser() {
        return System.getProperty("user.name"); //$NON-NLS-1$
    }

    private static PosixFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, PosixFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (UnsupportedOperationException e) {
            throw new IOException(TEXTS.format("noPosix", path), e); //$NON-NLS-1$
        }
    }

    private static void check(Path path, PosixFileAttributes attributes, boolean anyOwner) throws IOException {
        String user = runningUser();
        String owner = attributes.owner().getName();
        if (!anyOwner && !owner.equals(user) && !owner.equals(ROOT)) {
            throw new IOException(TEXTS.format(runningAsRoot() ? "foreignOwnerOfRoot" : "foreignOwner", //$NON-NLS-1$ //$NON-NLS-2$
                    path, owner, user));
        }
        if (attributes.permissions().stream().anyMatch(WRITE_BY_OTHERS::contains)) {
            String who = attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)
                    ? TEXTS.format("everyone") //$NON-NLS-1$
                    : TEXTS.format("group", attributes.group().getName()); //$NON-NLS-1$
            throw new IOException(TEXTS.format("writableByOthers", path, who, //$NON-NLS-1$
                    PosixFilePermissions.toString(attributes.permissions())));
        }
    }
}
