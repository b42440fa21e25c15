package org.certbench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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
        String user = System.getProperty("user.name"); //$NON-NLS-1$
        for (Path path : paths) {
            PosixFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, PosixFileAttributes.class);
            } catch (NoSuchFileException e) {
                continue;
            } catch (UnsupportedOperationException e) {
                throw new IOException(TEXTS.format("noPosix", path), e); //$NON-NLS-1$
            }
            String owner = attributes.owner().getName();
            if (!owner.equals(user) && !owner.equals(ROOT)) {
                throw new IOException(TEXTS.format(user.equals(ROOT) ? "foreignOwnerOfRoot" : "foreignOwner", //$NON-NLS-1$ //$NON-NLS-2$
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
}
