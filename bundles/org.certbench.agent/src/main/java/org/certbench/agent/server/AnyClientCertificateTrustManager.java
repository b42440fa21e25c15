package org.certbench.agent.server;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets every client finish the TLS handshake, with any certificate or none: anyone may see the agent's
 * certificate (consoles pin it from there), and a refused management call should get a JSON 401/403 the
 * caller can read rather than a broken handshake. Whether a client may call the API is decided per HTTP
 * request by the console registry. JSSE still checks that the client holds the key of the certificate it
 * presents (CertificateVerify), so a copied console certificate alone does not pass.
 */
final class AnyClientCertificateTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // accepted: authorisation happens per request
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // accepted: authorisation happens per request
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // accepted: authorisation happens per request
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the agent is never a TLS client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the agent is never a TLS client");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the agent is never a TLS client");
    }

    /** No CA names in the CertificateRequest: a client offers whatever certificate it has. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }
}
