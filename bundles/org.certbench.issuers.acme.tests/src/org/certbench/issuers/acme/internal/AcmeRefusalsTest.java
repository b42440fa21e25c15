package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.ExternalAccount;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.testing.servers.Pebble;
import org.certbench.testing.servers.TestServers;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Refusals that need their own server: a pebble that requires External Account Binding, and a small HTTPS endpoint
 * that answers every request as a rate-limiting CA does (pebble has no rate limits): 429, Retry-After and an RFC 8555
 * problem document.
 */
class AcmeRefusalsTest {

    private static final String KID = "kid-1";
    private static final String MAC_KEY = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    @TempDir
    static Path work;

    private static Pebble pebble;
    private static AcmeIssuers acme;
    private static Issuers issuers;

    @BeforeAll
    static void start() throws Exception {
        pebble = Pebble.start(work.resolve("pebble"), Map.of(KID, MAC_KEY));
        Bundle bundle = FrameworkUtil.getBundle(AcmeIssuerService.class);
        acme = ServiceLayering.service(bundle, AcmeIssuers.class);
        issuers = ServiceLayering.service(bundle, Issuers.class);
        Path caFile = work.resolve("ca.pem");
        Files.writeString(caFile, pebble.caPem());
        ServiceLayering.service(bundle, TrustStore.class).importCertificate(caFile);
    }

    @AfterAll
    static void stop() {
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void aCaThatRequiresExternalAccountBindingRefusesAnAccountWithoutOneInWords() throws Exception {
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(settings("eab-missing",
                Optional.empty())));
        assertEquals(Reason.REFUSED, refused.reason());
        assertEquals("The ACME CA at " + pebble.directory() + " requires an External Account Binding for eab-missing: "
                + "give the key identifier with --eab-kid and the file holding the MAC key with --eab-hmac-file.",
                refused.getMessage());
        assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals("eab-missing")));
    }

    @Test
    void withTheBindingsKeyFromAFileTheAccountIsRegisteredAndTheKeyIsNeitherStoredNorSaid() throws Exception {
        Path macFile = work.resolve("eab.key");
        Files.writeString(macFile, MAC_KEY + "\n");
        acme.add(settings("eab-given", Optional.of(new ExternalAccount(KID, macFile))));
        String stored = Files.readString(org.certbench.core.StateDirectory.area("issuers").resolve("eab-given.acme"));
        assertTrue(!stored.contains(MAC_KEY) && !issuers.get("eab-given").description().contains(MAC_KEY), stored);

        Files.writeString(macFile, "not a key!\n");
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(settings("eab-bad",
                Optional.of(new ExternalAccount(KID, macFile)))));
        assertEquals("The External Account Binding key file " + macFile + " cannot be used: it does not hold a "
                + "base64url key", refused.getMessage());
    }

    @Test
    void aRateLimitingCaIsRefusedWithItsRetryAfterAndProblem() throws Exception {
        try (RateLimitingEndpoint endpoint = new RateLimitingEndpoint()) {
            IssuerException refused = assertThrows(IssuerException.class, () -> acme.termsOfService(
                    URI.create("https://127.0.0.1:" + endpoint.port() + "/directory")));
            assertEquals(Reason.UNAVAILABLE, refused.reason());
            assertEquals("The ACME CA is rate limiting: try again after 2037-10-21T07:28:00Z. It said: "
                    + "urn:ietf:params:acme:error:rateLimited: too many new orders recently", refused.getMessage());
            // carried for renewal's backoff: no attempt before the CA's time
            assertEquals(Optional.of(java.time.Instant.parse("2037-10-21T07:28:00Z")), refused.retryAfter());
        }
    }

    @Test
    void anAcmeServerThatIsNotThereIsSaidInWords() throws Exception {
        int closed = TestServers.freePort();
        URI nowhere = URI.create("https://127.0.0.1:" + closed + "/dir");
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.termsOfService(nowhere));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
        assertEquals("The ACME CA at " + nowhere + " cannot be reached: nothing accepts connections there "
                + "(connection refused)", refused.getMessage());
    }

    private static AcmeIssuerSettings settings(String name, Optional<ExternalAccount> eab) {
        return new AcmeIssuerSettings(name, pebble.directory(), Optional.empty(), true, eab,
                new Standalone("127.0.0.1", pebble.httpPort()));
    }

    /** Answers every request, after reading its head, with 429, a fixed Retry-After date and a problem document. */
    private static final class RateLimitingEndpoint implements AutoCloseable {
        private final SSLServerSocket socket;
        private final Thread serving;

        RateLimitingEndpoint() throws Exception {
            KeyPair caKey = PkiFixtures.freshEc();
            KeyPair key = PkiFixtures.freshEc();
            String caName = "CN=Rate Limit Test CA " + Long.toHexString(System.nanoTime());
            byte[] ca = PkiFixtures.ca(caName, caKey);
            byte[] server = PkiFixtures.certificate("CN=rate limited").key(key).issuedBy(caName, caKey)
                    .ip(new byte[] { 127, 0, 0, 1 }).purpose(KeyPurposeId.id_kp_serverAuth).build();
            Path caFile = work.resolve("rate-limit-ca.pem");
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

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.setSoTimeout(5000);
                    readHead(client.getInputStream());
                    byte[] body = "{\"type\":\"urn:ietf:params:acme:error:rateLimited\",\"detail\":\"too many new orders recently\",\"status\":429}"
                            .getBytes(StandardCharsets.US_ASCII);
                    OutputStream out = client.getOutputStream();
                    out.write(("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\n"
                            + "Retry-After: Wed, 21 Oct 2037 07:28:00 GMT\r\nReplay-Nonce: bm9uY2U\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // closed, or a client that went away
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (head.length() < 16384 && head.indexOf("\r\n\r\n") < 0) {
                int read = in.read();
                if (read < 0) {
                    return;
                }
                head.append((char) read);
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
            serving.join(5000);
        }
    }
}
