package org.certbench.host.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
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
import org.certbench.host.HostCertificateException;
import org.certbench.host.HostCertificateException.Reason;
import org.eclipse.osgi.util.NLS;

/**
 * Reads the certificate chain a service serves by a TLS handshake, plain or after PostgreSQL's SSLRequest. The
 * chain is read, not verified: the point is to see which certificate the service presents, trusted or not.
 */
final class TlsProbe {

    /** PostgreSQL's SSLRequest: length 8, then the request code 1234 5679 (protocol documentation §55.2.10). */
    private static final byte[] POSTGRES_SSL_REQUEST = { 0, 0, 0, 8, 0x04, (byte) 0xD2, 0x16, 0x2F };

    private final Duration timeout;

    TlsProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** The chain of a TLS server such as nginx; {@code serverName} (SNI) may be {@code null}. */
    List<Certificate> tls(ServiceAddress address, String serverName) throws HostCertificateException {
        try (Socket socket = connect(address)) {
            return handshake(socket, address, serverName);
        } catch (IOException e) {
            throw unreachable(address, e);
        }
    }

    /** The chain of a PostgreSQL server; empty when it answers that it does not do SSL. */
    List<Certificate> postgres(ServiceAddress address) throws HostCertificateException {
        try (Socket socket = connect(address)) {
            OutputStream out = socket.getOutputStream();
            out.write(POSTGRES_SSL_REQUEST);
            out.flush();
            int answer = new DataInputStream(socket.getInputStream()).read();
            if (answer == 'N') {
                return List.of();
            }
            if (answer != 'S') {
                throw new HostCertificateException(Reason.UNREACHABLE,
                        NLS.bind(Messages.Probe_notPostgres, address, answer < 0 ? "EOF" : Integer.toString(answer))); //$NON-NLS-1$
            }
            return handshake(socket, address, null);
        } catch (IOException e) {
            throw unreachable(address, e);
        }
    }

    private Socket connect(ServiceAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) timeout.toMillis());
            socket.connect(new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static List<Certificate> handshake(Socket plain, ServiceAddress address, String serverName)
            throws IOException, HostCertificateException {
        SSLContext context = readingContext();
        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, address.host(), address.port(),
                false)) {
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
        } catch (GeneralSecurityException | CertBenchCryptoException e) {
            throw new HostCertificateException(Reason.UNREACHABLE,
                    NLS.bind(Messages.Probe_unreadableCertificate, address, e.getMessage()), e);
        }
    }

    private static SSLContext readingContext() throws HostCertificateException {
        try {
            SSLContext context = SSLContext.getInstance("TLS"); //$NON-NLS-1$
            context.init(null, new TrustManager[] { new ReadOnlyTrustManager() }, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new HostCertificateException(Reason.UNREACHABLE, e.getMessage(), e);
        }
    }

    private static HostCertificateException unreachable(ServiceAddress address, IOException e) {
        String why = e instanceof SocketTimeoutException ? Messages.Probe_timeout : String.valueOf(e.getMessage());
        return new HostCertificateException(Reason.UNREACHABLE, NLS.bind(Messages.Probe_failed, address, why), e);
    }

    /**
     * Accepts every server chain: it is only looked at. Extended, so the JDK does not wrap it with its own
     * endpoint and constraint checks, which would hide exactly the certificates an administrator needs to see.
     */
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
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a client is never asked to trust"); //$NON-NLS-1$
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
