package org.certbench.agent.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.Fingerprints;

/**
 * The console certificates an agent accepts for management calls. Each is a PEM file in
 * {@code consoles/} named by the certificate's SHA-256 fingerprint, so that the check on every request
 * is a hash and a file lookup, and a console authorised or revoked by the CLI counts at once for the
 * running agent.
 */
public final class ConsoleRegistry {

    private static final String SUFFIX = ".pem";
    private static final String AUTHORIZE = "console.authorize";
    private static final String REVOKE = "console.revoke";

    private final AgentStateDirectory state;

    public ConsoleRegistry(AgentStateDirectory state) {
        this.state = state;
    }

    /**
     * Accepts {@code certificate} from now on.
     *
     * @return false if it was already accepted
     */
    public boolean authorize(Certificate certificate) throws IOException {
        Path file = fileFor(hex(certificate.der()));
        boolean added = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        try {
            AtomicFiles.write(file, certificate.pem().getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY,
                    state.fileOwner());
        } catch (IOException e) {
            audit().failed(AUTHORIZE, certificate.subject(), null, e.getMessage());
            throw e;
        }
        audit().succeeded(AUTHORIZE, certificate.subject(), null, certificate.sha256Fingerprint());
        return added;
    }

    /**
     * Stops accepting the certificate with this fingerprint.
     *
     * @param digits the 64 hex digits of its SHA-256 fingerprint, as {@link Fingerprints#parseSha256} reads them
     * @return false if no accepted certificate has it
     * @throws IllegalArgumentException if {@code digits} are not 64 hex digits
     */
    public boolean revoke(String digits) throws IOException {
        String shown = Fingerprints.shown(digits);
        String hex = digits.toUpperCase(Locale.ROOT);
        boolean revoked;
        try {
            revoked = Files.deleteIfExists(fileFor(hex));
        } catch (IOException e) {
            audit().failed(REVOKE, shown, shown, e.getMessage());
            throw e;
        }
        if (revoked) {
            audit().succeeded(REVOKE, shown, shown, null);
        }
        return revoked;
    }

    private AuditLog audit() {
        return state.auditLog(Clock.systemUTC());
    }

    /** The accepted certificates, in fingerprint order. */
    public List<Certificate> list() throws IOException, CertBenchCryptoException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(state.consolesDirectory(), "*" + SUFFIX)) {
            entries.forEach(files::add);
        }
        files.sort(null);
        List<Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            certificates.add(Certificates.read(file).certificate());
        }
        return certificates;
    }

    /** Whether the certificate with this DER encoding is accepted (a client certificate of a TLS session). */
    public boolean isAuthorized(byte[] der) {
        return Files.isRegularFile(fileFor(hex(der)));
    }

    private Path fileFor(String hexFingerprint) {
        return state.consolesDirectory().resolve(hexFingerprint + SUFFIX);
    }

    /** Upper-case hex digits without separators: how the files in {@code consoles/} are named. */
    private static String hex(byte[] der) {
        return Fingerprints.normalise(Fingerprints.sha256(der)).orElseThrow();
    }
}
