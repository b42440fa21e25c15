package org.certbench.example.haproxy.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.Certificate;
import org.certbench.example.haproxy.internal.HaproxyOptions.Address;
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * Reads the chain a TLS frontend serves. The chain is read, not verified: the point is to see which certificate
 * HAProxy presents, trusted or not.
 */
final class TlsHandshake {

    private final Duration timeout;

    TlsHandshake(Duration timeout) {
        this.timeout = timeout;
    }

    /** @param serverName the SNI name, or {@code null} */
    List<Certificate> chain(Address address, String serverName) throws HostCertificateException {
        try (Socket plain = new Socket()) {
            plain.setSoTimeout((int) timeout.toMillis());
            plain.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
            SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
            context.init(null, new TrustManager[] { new ReadOnlyTrustManager() }, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, address.host(),
                    address.port(), false)) {
                if (serverName != null) {
                    SSLParameters parameters = tls.getSSLParameters();
                    parameters.setServerNames(List.of(new SNIHostName(serverName)));
                    tls.setSSLParameters(parameters);
                }
                tls.startHandshake();
                List<Certificate> chain = new ArrayList<>();
                for (java.security.cert.Certificate served : tls.getSession().getPeerCertificates()) {
                    chain.add(Certificate.fromDer(served.getEncoded(), address.toString()));
                }
                return chain;
            }
        } catch (IOException e) {
            String why = e instanceof SocketTimeoutException ? Messages.Handshake_timeout : String.valueOf(e.getMessage());
            throw new HostCertificateException(Reason.UNREACHABLE, NLS.bind(Messages.Handshake_failed, address, why), e);
        } catch (GeneralSecurityException | CertBenchCryptoException e) {
            throw new HostCertificateException(Reason.UNREACHABLE,
                    NLS.bind(Messages.Handshake_unreadable, address, e.getMessage()), e);
        }
    }

    /** Accepts every server chain: it is only looked at. */
    private static final class ReadOnlyTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // read, not verified
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // read, not verified
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // read, not verified
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client is never asked to trust"); //$NON-NLS-1$
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
