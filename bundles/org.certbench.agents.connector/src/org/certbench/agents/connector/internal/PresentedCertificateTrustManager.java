package org.certbench.agents.connector.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Function;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;

/**
 * Decides one connection's trust in the agent by {@link TrustPolicy} and remembers what was presented. An
 * {@link X509ExtendedTrustManager}, so the JDK leaves every check to it: no host name is checked, no trust
 * store consulted. For a status handshake it only records (the handshake still verifies that the agent
 * holds the key of the certificate); for a management call it aborts the handshake of an untrusted agent
 * before a single request byte is sent.
 */
final class PresentedCertificateTrustManager extends X509ExtendedTrustManager {

    private final Function<Certificate, TrustDecision> policy;
    private final boolean refuseUntrusted;
    private final Certificate expected;
    private volatile Certificate presented;
    private volatile TrustDecision decision;
    private volatile String unreadable;

    /** @param expected the certificate the agent is likely to present (its pinned one), or {@code null} */
    PresentedCertificateTrustManager(Function<Certificate, TrustDecision> policy, boolean refuseUntrusted,
            Certificate expected) {
        this.policy = policy;
        this.refuseUntrusted = refuseUntrusted;
        this.expected = expected;
    }

    Certificate presented() {
        return presented;
    }

    TrustDecision decision() {
        return decision;
    }

    /** Why the presented certificate could not be read at all, or {@code null}. */
    String unreadable() {
        return unreadable;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            unreadable = Messages.Connect_noCertificate;
            throw new CertificateException(unreadable);
        }
        Certificate certificate;
        try {
            byte[] der = chain[0].getEncoded();
            // the same bytes as the expected certificate need no second parse (most handshakes of a refresh)
            certificate = expected != null && expected.hasEncoding(der) ? expected
                    : Certificate.fromDer(der, "agent certificate"); //$NON-NLS-1$
        } catch (CertBenchCryptoException e) {
            unreadable = e.getMessage();
            throw new CertificateException(unreadable, e);
        }
        presented = certificate;
        TrustDecision decided = policy.apply(certificate);
        decision = decided;
        if (refuseUntrusted && !decided.isTrusted()) {
            throw new CertificateException(decided.reason());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the console is never a TLS server"); //$NON-NLS-1$
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the console is never a TLS server"); //$NON-NLS-1$
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the console is never a TLS server"); //$NON-NLS-1$
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
