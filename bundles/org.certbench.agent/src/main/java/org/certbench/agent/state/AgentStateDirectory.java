package org.certbench.agent.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.util.Set;

import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.core.ConfigurationOwners;
import org.certbench.core.LinkSafeDirectory;

/**
 * The agent's state directory and the files in it:
 * <ul>
 * <li>{@code identity.pem} — the private key and the certificate in use, in one file (0600), so that
 * replacing both is one atomic rename and a crash never leaves a key beside a certificate of another key;</li>
 * <li>{@code self-signed.pem} — the latest self-signed certificate for the agent's key, kept while a
 * CA-issued certificate is in use so that it can be restored;</li>
 * <li>{@code pending-key.pem} — a new key made for a CSR, until a certificate for it is applied;</li>
 * <li>{@code previous.pem} — after a switch to that new key, the key and certificate in use before (0600), until the
 * console confirms the new pair by a handshake or rolls back to this one;</li>
 * <li>{@code consoles/} — the console certificates the agent accepts, one PEM file per certificate named
 * by its SHA-256 fingerprint;</li>
 * <li>{@code audit/} — the audit log, one JSON-lines file per month;</li>
 * <li>{@code .lock} — serialises changes by the running agent and the CLI.</li>
 * </ul>
 * Directories are created 0700. The directory must belong to the user running the agent (or root) and be writable
 * by no one else, as {@link ConfigurationOwners} rules for everything that configures CertBench: whoever can write
 * it chooses the agent's key and which consoles may manage it. Root (the CLI run by an administrator) may also use
 * the directory of the service user the agent runs as; every file and directory it creates there then belongs to
 * that user, so the service can still read its key. Nothing in it is written or read through a link.
 */
public final class AgentStateDirectory {

    public static final Set<PosixFilePermission> DIRECTORY_PERMISSIONS = PosixFilePermissions.fromString("rwx------");

    /** Far above any key, certificate or chain the agent keeps. */
    private static final int MAX_FILE = 1024 * 1024;
    private static final String CONSOLES = "consoles";
    private static final String LOCK = ".lock";
    private static final Path SYSTEM_DEFAULT = Path.of("/var/lib/certbench-agent");

    private final Path root;
    private final UserPrincipal fileOwner;

    private AgentStateDirectory(Path root, UserPrincipal fileOwner) {
        this.root = root;
        this.fileOwner = fileOwner;
    }

    /**
     * Opens {@code root}, creating it and its sub-directories 0700 when missing.
     *
     * @throws IOException in words when {@code root} or {@code consoles/} belongs to another user (than the one
     *                     running this or root; for root: any owner) or can be changed by others, or is a link
     */
    public static AgentStateDirectory open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY_PERMISSIONS));
        }
        UserPrincipal owner = ConfigurationOwners.requireOwnState(absolute);
        // readable by others is no danger to the agent, but the key needs no readers: tightened as before
        if (!Files.getPosixFilePermissions(absolute).equals(DIRECTORY_PERMISSIONS)) {
            Files.setPosixFilePermissions(absolute, DIRECTORY_PERMISSIONS);
        }
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(absolute)) {
            directory.createDirectoryIfAbsent(CONSOLES, DIRECTORY_PERMISSIONS, owner);
            directory.createIfAbsent(LOCK, AtomicFiles.OWNER_ONLY, owner);
        }
        // opened without following a link: a consoles/ that is a link is refused in words
        try (LinkSafeDirectory consoles = LinkSafeDirectory.open(absolute.resolve(CONSOLES))) {
            ConfigurationOwners.requireOwnState(consoles.path());
        }
        return new AgentStateDirectory(absolute, owner);
    }

    /**
     * Who the files written here must belong to: {@code null} for the user running this, else (root working in a
     * service user's directory) that user.
     */
    public UserPrincipal fileOwner() {
        return fileOwner;
    }

    /** The agent's audit log, in {@code audit/}, its files owned as {@link #fileOwner()} says. */
    public AuditLog auditLog(Clock clock) {
        return new AuditLog(root.resolve(AuditLog.DIRECTORY), fileOwner, clock);
    }

    /** {@code /var/lib/certbench-agent} for root (the service), else {@code ~/.certbench-agent}. */
    public static Path defaultLocation() {
        return ConfigurationOwners.runningAsRoot() ? SYSTEM_DEFAULT
                : Path.of(System.getProperty("user.home"), ".certbench-agent");
    }

    public Path root() {
        return root;
    }

    public Path identityFile() {
        return root.resolve("identity.pem");
    }

    /** The key made for a CSR with a new key, kept until a certificate for it is applied (0600). */
    public Path pendingKeyFile() {
        return root.resolve("pending-key.pem");
    }

    /** The pair in use before a switch to a new key, kept until the console confirms the new pair (0600). */
    public Path previousFile() {
        return root.resolve("previous.pem");
    }

    public Path selfSignedFile() {
        return root.resolve("self-signed.pem");
    }

    public Path consolesDirectory() {
        return root.resolve(CONSOLES);
    }

    public Path lockFile() {
        return root.resolve(LOCK);
    }

    /**
     * The content of {@code file} (one of this directory's files), read without following a link: root reading a
     * service user's state must not read whatever file that user points a link at.
     */
    public byte[] read(Path file) throws IOException {
        try (LinkSafeDirectory directory = LinkSafeDirectory.open(file.getParent())) {
            return directory.read(file.getFileName().toString(), MAX_FILE);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
