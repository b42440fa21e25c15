package org.certbench.truststore.internal;

import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CryptoErrorCode;
import org.certbench.crypto.CryptoProblem;
import org.certbench.crypto.ServerChainValidator;
import org.certbench.crypto.ServerChainVerdict;
import org.certbench.crypto.TrustAnchorIndex;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.ServerNotTrustedException;
import org.eclipse.osgi.util.NLS;

/**
 * The trust decision of every outbound connection: the crypto core's {@link ServerChainValidator} over the
 * usable CA certificates of the store, with the host the connection asked for. A refusal is a
 * {@link ServerNotTrustedException} whose message gives the true reason in words. Being an
 * {@link X509ExtendedTrustManager}, it is used by the JDK's TLS stack as it is (not wrapped).
 */
final class StoreTrustManager extends X509ExtendedTrustManager {

    private final TrustAnchorIndex anchors;
    private final Clock clock;
    private final ProxySettings proxy;

    StoreTrustManager(TrustAnchorIndex anchors, Clock clock, ProxySettings proxy) {
        this.anchors = anchors;
        this.clock = clock;
        this.proxy = proxy;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        String host = null;
        String protocol = null;
        if (socket instanceof SSLSocket ssl) {
            host = peerHost(ssl.getHandshakeSession());
            protocol = protocol(ssl.getHandshakeSession());
        }
        verify(chain, host, protocol);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, engine == null ? null : engine.getPeerHost(),
                engine == null ? null : protocol(engine.getHandshakeSession()));
    }

    /** Without a socket or engine the host is unknown: the chain is checked, not the name. */
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, null, null);
    }

    private static String protocol(SSLSession handshake) {
        return handshake == null ? null : handshake.getProtocol();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    /** Outbound connections are clients only; they never accept a client's certificate. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException(Messages.Net_noClients);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> issuers = new ArrayList<>();
        for (Certificate anchor : anchors.all()) {
            try {
                issuers.add(anchor.toX509Certificate());
            } catch (CertBenchCryptoException e) {
                // TrustAnchors.problem() keeps such certificates out of the anchors; nothing to list
            }
        }
        return issuers.toArray(X509Certificate[]::new);
    }

    void verify(X509Certificate[] chain, String host, String protocol) throws ServerNotTrustedException {
        String named = host != null ? host : Messages.Net_theServer;
        List<Certificate> presented = new ArrayList<>();
        for (int i = 0; chain != null && i < chain.length && i <= ServerChainValidator.MAX_CHAIN; i++) {
            try {
                presented.add(Certificate.fromDer(chain[i].getEncoded(), NLS.bind(Messages.Net_sentCertificate, i + 1, named)));
            } catch (CertBenchCryptoException | CertificateEncodingException e) {
                throw new ServerNotTrustedException(NLS.bind(Messages.Net_notTrusted, named, e.getMessage()), host,
                        List.of());
            }
        }
        ServerChainVerdict verdict = ServerChainValidator.validate(presented, anchors, host, clock.instant(), protocol);
        if (!verdict.trusted()) {
            throw new ServerNotTrustedException(message(verdict, named), host, verdict.problems());
        }
    }

    private String message(ServerChainVerdict verdict, String host) {
        String unknownIssuer = verdict.unknownIssuer();
        if (unknownIssuer != null && !proxy.isDirect()) {
            return NLS.bind(Messages.Net_untrustedIssuerProxy, new Object[] { host, proxy, unknownIssuer });
        }
        List<CryptoProblem> problems = verdict.problems();
        if (problems.size() == 1 && problems.get(0).code() == CryptoErrorCode.CHAIN_ISSUER_UNKNOWN) {
            return NLS.bind(Messages.Net_untrustedIssuer, host, unknownIssuer);
        }
        if (problems.size() == 1 && problems.get(0).code() == CryptoErrorCode.CHAIN_ISSUER_NOT_SENT) {
            // a root the store lacks or an intermediate the server omits: only the administrator can tell
            return NLS.bind(Messages.Net_untrustedIssuer, host, unknownIssuer) + ' '
                    + NLS.bind(Messages.Net_issuerNotSent, unknownIssuer);
        }
        return proxy.isDirect() ? NLS.bind(Messages.Net_notTrusted, host, verdict.reasons())
                : NLS.bind(Messages.Net_notTrustedProxy, new Object[] { host, proxy, verdict.reasons() });
    }

    private static String peerHost(SSLSession session) {
        return session == null ? null : session.getPeerHost();
    }
}
