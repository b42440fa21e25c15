package org.certbench.agent.server;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

import org.certbench.agent.AgentLog;
import org.certbench.agent.certificates.AgentErrors;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agent.state.LoadedIdentity;
import org.certbench.agents.protocol.ProtocolException;
import org.certbench.crypto.CertBenchCryptoException;

/**
 * Serves the key and certificate in the state directory as they are at each handshake, so a certificate
 * applied by the API or by the CLI in another process is used from the next connection on. JSSE asks for
 * an alias first and for the key and chain afterwards; the alias names the version of the identity that
 * was read, so both halves of one handshake come from the same version even if the file changes between
 * the calls.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS_PREFIX = "identity-";
    /** Versions kept for handshakes still in progress; older ones are dropped. */
    private static final int KEPT_VERSIONS = 8;

    private final CertificateManager certificates;
    private final AgentLog log;
    private final Map<String, Served> versions = new ConcurrentHashMap<>();
    private volatile long latestGeneration = -1;

    private record Served(PrivateKey key, X509Certificate[] chain, String fingerprint) {
    }

    ReloadingKeyManager(CertificateManager certificates, AgentLog log) {
        this.certificates = certificates;
        this.log = log;
    }

    /** Reads the identity now (creating it on first start), so that an unreadable one fails the start. */
    void load() throws ProtocolException {
        currentAlias();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return aliasFor(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = aliasFor(keyType);
        return alias == null ? null : new String[] { alias };
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Served served = alias == null ? null : versions.get(alias);
        return served == null ? null : served.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Served served = alias == null ? null : versions.get(alias);
        return served == null ? null : served.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    /** The alias of the current identity if its key suits the signature scheme JSSE asks about. */
    private String aliasFor(String keyType) {
        try {
            String alias = currentAlias();
            Served served = alias == null ? null : versions.get(alias);
            return served != null && keyType.equals(served.key().getAlgorithm()) ? alias : null;
        } catch (ProtocolException e) {
            log.warn("LOG_IDENTITY_UNREADABLE", e.getMessage());
            return null;
        }
    }

    private String currentAlias() throws ProtocolException {
        LoadedIdentity identity = certificates.identity();
        String alias = ALIAS_PREFIX + identity.generation();
        if (!versions.containsKey(alias)) {
            remember(alias, identity);
        }
        return alias;
    }

    private synchronized void remember(String alias, LoadedIdentity identity) throws ProtocolException {
        if (versions.containsKey(alias)) {
            return;
        }
        try {
            X509Certificate certificate = identity.certificate().toX509Certificate();
            String fingerprint = identity.certificate().sha256Fingerprint();
            versions.put(alias, new Served(identity.keyPair().getPrivate(), new X509Certificate[] { certificate },
                    fingerprint));
        } catch (CertBenchCryptoException e) {
            throw AgentErrors.fromCrypto(e);
        }
        if (identity.generation() > latestGeneration) {
            latestGeneration = identity.generation();
            log.info("LOG_CERTIFICATE_IN_USE", versions.get(alias).fingerprint(), identity.certificate().subject(),
                    identity.certificate().issuer());
        }
        versions.keySet().removeIf(
                other -> Long.parseLong(other.substring(ALIAS_PREFIX.length())) <= latestGeneration - KEPT_VERSIONS);
    }
}
