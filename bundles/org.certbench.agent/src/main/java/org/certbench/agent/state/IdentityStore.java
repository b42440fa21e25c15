package org.certbench.agent.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.atomic.AtomicLong;

import org.certbench.core.AtomicFiles;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.PrivateKeys;

/**
 * The agent's key and certificates on disk. Reading is cheap when nothing changed (one {@code stat}), so
 * the TLS server asks on every handshake and serves a certificate applied by another process on the next
 * connection. Writing replaces whole files atomically; callers that read, decide and write hold
 * {@link #change}. What this store wrote itself is served as written, not read back.
 */
public final class IdentityStore {

    private static final AtomicLong GENERATIONS = new AtomicLong();

    private final AgentStateDirectory state;
    private volatile Cached cached;

    private record Cached(FileStamp stamp, LoadedIdentity identity) {
    }

    public IdentityStore(AgentStateDirectory state) {
        this.state = state;
    }

    public AgentStateDirectory state() {
        return state;
    }

    public boolean exists() {
        return Files.isRegularFile(state.identityFile());
    }

    /**
     * The key and certificate in {@code identity.pem} now.
     *
     * @throws NoSuchFileException when the agent has no identity yet
     */
    public LoadedIdentity current() throws IOException, CertBenchCryptoException {
        FileStamp stamp = FileStamp.of(state.identityFile());
        if (stamp == null) {
            throw new NoSuchFileException(state.identityFile().toString());
        }
        Cached known = cached;
        if (known != null && known.stamp().equals(stamp)) {
            return known.identity();
        }
        // The stamp was taken before the read: if the file is replaced in between, the next call sees a
        // new stamp and reads again. A rename never exposes a half-written file.
        byte[] content = state.read(state.identityFile());
        String name = state.identityFile().toString();
        CertificateKeyPair pair = CertificateKeyPair.read(content, name, content, name);
        LoadedIdentity identity = new LoadedIdentity(GENERATIONS.incrementAndGet(), pair.certificate(), pair.keyPair());
        cached = new Cached(stamp, identity);
        return identity;
    }

    /**
     * Puts {@code certificate} and its {@code keyPair} in use with one atomic rename (file 0600, synced), and
     * serves them from then on without reading the file back. Callers hold {@link #change}.
     */
    public void replace(Certificate certificate, KeyPair keyPair) throws IOException {
        String pem = PrivateKeys.toPem(keyPair.getPrivate()) + certificate.pem();
        cached = null;
        AtomicFiles.write(state.identityFile(), pem.getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY,
                state.fileOwner());
        // Under the state lock no other writer can have renamed since ours, so the stamp taken now is that of the
        // file just written: the next handshake reuses the pair (parsed and checked by the caller) instead of
        // reading and parsing it again. A change by another process after this gives a new stamp, read as before.
        FileStamp written = FileStamp.of(state.identityFile());
        if (written != null) {
            cached = new Cached(written, new LoadedIdentity(GENERATIONS.incrementAndGet(), certificate, keyPair));
        }
    }

    /** The self-signed certificate kept for restoring, or {@code null} when there is none. */
    public Certificate keptSelfSigned() throws IOException, CertBenchCryptoException {
        if (!Files.isRegularFile(state.selfSignedFile())) {
            return null;
        }
        Path file = state.selfSignedFile();
        return Certificates.read(state.read(file), file.toString()).certificate();
    }

    public void keepSelfSigned(Certificate certificate) throws IOException {
        AtomicFiles.write(state.selfSignedFile(), certificate.pem().getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.OWNER_ONLY, state.fileOwner());
    }

    /**
     * The key made for a CSR with a new key and not yet in use, or {@code null} when there is none. Asked only on a
     * change (an apply), never per handshake.
     */
    public KeyPair pendingKey() throws IOException, CertBenchCryptoException {
        Path file = state.pendingKeyFile();
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return PrivateKeys.read(state.read(file), file.toString());
    }

    /**
     * Keeps a new key pending (0600, owned like the identity, written atomically): the key in use stays in use, and
     * serves, until a certificate for the pending key is applied. A newer pending key replaces an older one.
     */
    public void keepPendingKey(KeyPair keyPair) throws IOException {
        AtomicFiles.write(state.pendingKeyFile(), PrivateKeys.toPem(keyPair.getPrivate())
                .getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY, state.fileOwner());
    }

    /** Forgets the pending key, once it is in use. */
    public void dropPendingKey() throws IOException {
        Files.deleteIfExists(state.pendingKeyFile());
    }

    /**
     * Keeps the pair in use before a switch to a new key (0600, owned like the identity, written atomically) so that
     * the console can roll back to it when the new pair is not confirmed. A newer switch replaces it.
     */
    public void keepPrevious(LoadedIdentity inUse) throws IOException {
        String pem = PrivateKeys.toPem(inUse.keyPair().getPrivate()) + inUse.certificate().pem();
        AtomicFiles.write(state.previousFile(), pem.getBytes(StandardCharsets.US_ASCII), AtomicFiles.OWNER_ONLY,
                state.fileOwner());
    }

    /** The pair kept by {@link #keepPrevious}, or {@code null} when there is none; read without following a link. */
    public CertificateKeyPair previous() throws IOException, CertBenchCryptoException {
        Path file = state.previousFile();
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        byte[] content = state.read(file);
        return CertificateKeyPair.read(content, file.toString(), content, file.toString());
    }

    /** Forgets the previous pair: the new one was confirmed, or the previous one is in use again. */
    public void dropPrevious() throws IOException {
        Files.deleteIfExists(state.previousFile());
    }

    /** Runs {@code change} while no other thread or process changes this state directory. */
    public <T> T change(StateChange<T> change) throws IOException, CertBenchCryptoException {
        return StateLock.holding(state.lockFile(), change);
    }
}
