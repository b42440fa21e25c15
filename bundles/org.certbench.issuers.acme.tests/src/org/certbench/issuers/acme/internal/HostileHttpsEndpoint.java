package org.certbench.issuers.acme.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.TrustStore;
import org.certbench.testing.osgi.ServiceLayering;
import org.osgi.framework.FrameworkUtil;

/**
 * A small HTTPS server on 127.0.0.1 that plays a CA gone wrong (pebble cannot: it has no rate limits and sends sane
 * bodies): it reads each request's head and answers whatever {@link Answer} writes, one connection at a time. Its
 * certificate is from a test CA imported into CertBench's store, so the refusals are the answers', not the trust's.
 */
final class HostileHttpsEndpoint implements AutoCloseable {

    /** Writes the whole answer (status line, headers, body) to a request whose head was {@code head}. */
    @FunctionalInterface
    interface Answer {
        void write(String head, OutputStream out) throws IOException;
    }

    private final SSLServerSocket socket;
    private final Answer answer;
    private final Thread serving;

    HostileHttpsEndpoint(Path work, Answer answer) throws Exception {
        this.answer = answer;
        KeyPair caKey = PkiFixtures.freshEc();
        KeyPair key = PkiFixtures.freshEc();
        String caName = "CN=Hostile Endpoint Test CA " + Long.toHexString(System.nanoTime());
        byte[] ca = PkiFixtures.ca(caName, caKey);
        byte[] server = PkiFixtures.certificate("CN=hostile endpoint").key(key).issuedBy(caName, caKey)
                .ip(new byte[] { 127, 0, 0, 1 }).purpose(KeyPurposeId.id_kp_serverAuth).build();
        Path caFile = Files.createTempFile(work, "hostile-ca", ".pem");
        Files.writeString(caFile, PkiFixtures.pem(ca));
        ServiceLayering.service(FrameworkUtil.getBundle(AcmeIssuerService.class), TrustStore.class)
                .importCertificate(caFile);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", key.getPrivate(), new char[0], new X509Certificate[] {
                (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(server)),
                (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(ca)) });
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 8,
                InetAddress.getByName("127.0.0.1"));
        serving = Thread.ofPlatform().daemon().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Each connection on a thread of its own: one blocked writing to a client that stopped reading holds no other. */
    private void serve() {
        while (!socket.isClosed()) {
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofVirtual().start(() -> {
                try (Socket client = accepted) {
                    client.setSoTimeout(5000);
                    String head = readHead(client.getInputStream());
                    OutputStream out = client.getOutputStream();
                    answer.write(head, out);
                    out.flush();
                } catch (IOException e) {
                    // a client that went away (as one does that stops reading an endless body)
                }
            });
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 16384 && head.indexOf("\r\n\r\n") < 0) {
            int read = in.read();
            if (read < 0) {
                break;
            }
            head.append((char) read);
        }
        return head.toString();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        serving.join(5000);
    }
}
