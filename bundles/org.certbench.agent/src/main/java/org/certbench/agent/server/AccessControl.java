package org.certbench.agent.server;

import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Map;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import org.certbench.agent.AgentLog;
import org.certbench.agent.Messages;
import org.certbench.agent.state.ConsoleRegistry;
import org.certbench.agents.protocol.ErrorCode;
import org.certbench.agents.protocol.ErrorResponse;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Fingerprints;

/**
 * Decides per HTTP request, whatever its path, whether the TLS client is an authorised console: no client
 * certificate is 401, a certificate not in the registry is 403. Refusals are logged with the client's
 * address and, for 403, the certificate's fingerprint and subject, so an administrator can authorise it
 * if it was meant to be; at most one line per kind every 10 s, with the count left out before it.
 */
final class AccessControl {

    private final ConsoleRegistry consoles;
    private final AgentLog log;
    private final RateLimit withoutCertificate = new RateLimit(AgentServer.REFUSAL_LOG_INTERVAL);
    private final RateLimit unknownCertificate = new RateLimit(AgentServer.REFUSAL_LOG_INTERVAL);

    AccessControl(ConsoleRegistry consoles, AgentLog log) {
        this.consoles = consoles;
        this.log = log;
    }

    /** Whether the TLS client presented the certificate of an authorised console; logs nothing. */
    boolean isAuthorised(SSLSession session) {
        try {
            return consoles.isAuthorized(session.getPeerCertificates()[0].getEncoded());
        } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
            return false;
        }
    }

    /** The refusal for this request, or {@code null} when the console may call the API. */
    ErrorResponse refusal(SSLSession session, HttpRequestHead request, String client) {
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException noCertificate) {
            long left = withoutCertificate.admit();
            if (left >= 0) {
                log.warn("LOG_REFUSED_NO_CERTIFICATE", request.method(), request.path(), client, left);
            }
            return new ErrorResponse(ErrorCode.UNAUTHENTICATED, Messages.format("API_NO_CLIENT_CERTIFICATE"), Map.of());
        }
        byte[] der;
        try {
            der = chain[0].getEncoded();
        } catch (CertificateEncodingException e) {
            long left = unknownCertificate.admit();
            if (left >= 0) {
                log.warn("LOG_REFUSED_UNREADABLE_CERTIFICATE", request.method(), request.path(), client, left);
            }
            return new ErrorResponse(ErrorCode.FORBIDDEN, Messages.format("API_UNKNOWN_CLIENT_CERTIFICATE", "?"),
                    Map.of());
        }
        if (consoles.isAuthorized(der)) {
            return null;
        }
        String fingerprint = Fingerprints.sha256(der);
        long left = unknownCertificate.admit();
        if (left >= 0) {
            log.warn("LOG_REFUSED_UNKNOWN_CERTIFICATE", request.method(), request.path(), client, fingerprint,
                    subjectOf(der), left);
        }
        return new ErrorResponse(ErrorCode.FORBIDDEN, Messages.format("API_UNKNOWN_CLIENT_CERTIFICATE", fingerprint),
                Map.of("sha256Fingerprint", fingerprint));
    }

    private static String subjectOf(byte[] der) {
        try {
            return org.certbench.crypto.Certificate.fromDer(der, "client certificate").subject();
        } catch (CertBenchCryptoException e) {
            return "?";
        }
    }
}
