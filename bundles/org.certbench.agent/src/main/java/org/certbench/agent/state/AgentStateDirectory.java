package org.certbench.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The agent's state directory and the files in it:
 * <ul>
 * <li>{@code identity.pem} — the private key and the certificate in use, in one file (0600), so that
 * replacing both is one atomic rename and a crash never leaves a key beside a certificate of another key;</li>
 * <li>{@code self-signed.pem} — the latest self-signed certificate for the agent's key, kept while a
 * CA-issued certificate is in use so that it can be restored;</li>
 * <li>{@code consoles/} — the console certificates the agent accepts, one PEM file per certificate named
 * by its SHA-256 fingerprint;</li>
 * <li>{@code .lock} — serialises changes by the running agent and the CLI.</li>
 * </ul>
 * Directories are created 0700.
 */
public final class AgentStateDirectory {

    public static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    private static final Path SYSTEM_DEFAULT = Path.of("/var/lib/certbench-agent");

    private final Path root;

    private AgentStateDirectory(Path root) {
        this.root = root;
    }

    /** Opens {@code root}, creating it and its sub-directories 0700 when missing. */
    public static AgentStateDirectory open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        createPrivateDirectory(absolute);
        createPrivateDirectory(absolute.resolve("consoles"));
        return new AgentStateDirectory(absolute);
    }

    /** {@code /var/lib/certbench-agent} for root (the service), else {@code ~/.certbench-agent}. */
    public static Path defaultLocation() {
        return isRoot() ? SYSTEM_DEFAULT : Path.of(System.getProperty("user.home"), ".certbench-agent");
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the process's effective user id
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS));
        }
        // createDirectories applies the umask, and an existing directory may be wider than we want
        if (!Files.getPosixFilePermissions(directory).equals(DIRECTORY_PERMISSIONS)) {
            Files.setPosixFilePermissions(directory, DIRECTORY_PERMISSIONS);
        }
    }

    public Path root() {
        return root;
    }

    public Path identityFile() {
        return root.resolve("identity.pem");
    }

    public Path selfSignedFile() {
        return root.resolve("self-signed.pem");
    }

    public Path consolesDirectory() {
        return root.resolve("consoles");
    }

    public Path lockFile() {
        return root.resolve(".lock");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
