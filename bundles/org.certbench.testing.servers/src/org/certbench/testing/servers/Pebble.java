package org.certbench.testing.servers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.testing.pki.PkiFixtures;

/**
 * Let's Encrypt's ACME test server (Debian's pebble) on 127.0.0.1, validating for real: its names resolve through
 * pebble-challtestsrv's DNS (A records added by its management API), its http-01 fetches go to
 * {@link #httpPort()}, where a test's nginx or the standalone listener answers. Its TLS certificate is issued by a
 * test CA ({@link #caPem()}) that the test imports into CertBench's store. Never {@code PEBBLE_VA_ALWAYS_VALID}.
 */
public final class Pebble implements AutoCloseable {

    private final int acmePort;
    private final int managementPort;
    private final int dnsManagementPort;
    private final int httpPort;
    private final String caName;
    private final String caPem;
    private final ForegroundProgram challtestsrv;
    private final ForegroundProgram pebble;

    private Pebble(int acmePort, int managementPort, int dnsManagementPort, int httpPort, String caName,
            String caPem, ForegroundProgram challtestsrv, ForegroundProgram pebble) {
        this.acmePort = acmePort;
        this.managementPort = managementPort;
        this.dnsManagementPort = dnsManagementPort;
        this.httpPort = httpPort;
        this.caName = caName;
        this.caPem = caPem;
        this.challtestsrv = challtestsrv;
        this.pebble = pebble;
    }

    /**
     * Starts challtestsrv and pebble in {@code directory}.
     *
     * @param directory where its configuration, TLS files and logs go
     * @param eabKeys the External Account Binding keys pebble knows (key id → base64url MAC key); when not empty,
     *        pebble requires a binding
     */
    public static Pebble start(Path directory, Map<String, String> eabKeys) throws IOException, InterruptedException {
        return start(directory, eabKeys, List.of());
    }

    /**
     * Starts challtestsrv and pebble in {@code directory}, refusing to certify some names.
     *
     * @param directory where its configuration, TLS files and logs go
     * @param eabKeys the External Account Binding keys pebble knows (key id → base64url MAC key)
     * @param blockedDomains the names pebble's policy refuses (its {@code domainBlocklist}): an order for one of
     *        them is refused with {@code rejectedIdentifier}
     */
    public static Pebble start(Path directory, Map<String, String> eabKeys, List<String> blockedDomains)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        KeyPair caKey = PkiFixtures.freshEc();
        // a name of its own: the home's store outlives one run, and a CA of the same name with another key is refused
        String caName = "ACME Test CA " + Long.toHexString(System.nanoTime());
        byte[] ca = PkiFixtures.ca("CN=" + caName, caKey);
        KeyPair serverKey = PkiFixtures.freshEc();
        byte[] server = PkiFixtures.certificate("CN=pebble").key(serverKey).issuedBy("CN=" + caName, caKey)
                .dns("localhost").ip(new byte[] { 127, 0, 0, 1 }).purpose(KeyPurposeId.id_kp_serverAuth).build();
        Files.writeString(directory.resolve("cert.pem"), PkiFixtures.pem(server));
        Files.writeString(directory.resolve("key.pem"), PkiFixtures.privateKeyPem(serverKey));

        int dnsPort = TestServers.freePort();
        int dnsManagementPort = TestServers.freePort();
        ForegroundProgram challtestsrv = new ForegroundProgram(List.of("pebble-challtestsrv", "-management",
                "127.0.0.1:" + dnsManagementPort, "-dns01", "127.0.0.1:" + dnsPort, "-http01", "", "-https01", "",
                "-tlsalpn01", "", "-defaultIPv6", "", "-defaultIPv4", "127.0.0.1"), Map.of(),
                directory.resolve("challtestsrv.log"));
        ForegroundProgram pebble = null;
        try {
            challtestsrv.awaitPort(dnsManagementPort);
            int acmePort = TestServers.freePort();
            int managementPort = TestServers.freePort();
            int httpPort = TestServers.freePort();
            StringBuilder keys = new StringBuilder();
            eabKeys.forEach((id, key) -> keys.append(keys.isEmpty() ? "" : ",").append('"').append(id)
                    .append("\":\"").append(key).append('"'));
            Files.writeString(directory.resolve("pebble-config.json"), """
                    {"pebble": {
                      "listenAddress": "127.0.0.1:%d",
                      "managementListenAddress": "127.0.0.1:%d",
                      "certificate": "%s",
                      "privateKey": "%s",
                      "httpPort": %d,
                      "tlsPort": %d,
                      "ocspResponderURL": "",
                      "externalAccountBindingRequired": %s,
                      "externalAccountMACKeys": {%s},
                      "domainBlocklist": [%s]
                    }}
                    """.formatted(acmePort, managementPort, directory.resolve("cert.pem"),
                    directory.resolve("key.pem"), httpPort, TestServers.freePort(), !eabKeys.isEmpty(), keys,
                    String.join(",", blockedDomains.stream().map(name -> '"' + name + '"').toList())));
            // no nonce rejected on purpose: acme4j retries badNonce, but a test must not depend on 5 % luck
            pebble = new ForegroundProgram(List.of("pebble", "-config",
                    directory.resolve("pebble-config.json").toString(), "-dnsserver", "127.0.0.1:" + dnsPort),
                    Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0"), directory.resolve("pebble.log"));
            pebble.awaitPort(acmePort).awaitPort(managementPort);
            return new Pebble(acmePort, managementPort, dnsManagementPort, httpPort, caName,
                    PkiFixtures.pem(ca), challtestsrv, pebble);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (pebble != null) {
                pebble.close();
            }
            challtestsrv.close();
            throw e;
        }
    }

    /** Makes {@code name} resolve to 127.0.0.1 for pebble's validation. */
    public void resolve(String name) throws IOException, InterruptedException {
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + dnsManagementPort + "/add-a"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"" + name + "\",\"addresses\":[\"127.0.0.1\"]}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (added.statusCode() != 200) {
            throw new IOException("challtestsrv did not add " + name + ": " + added.statusCode() + " " + added.body());
        }
    }

    /** {@return the ACME directory URL} */
    public URI directory() {
        return URI.create("https://127.0.0.1:" + acmePort + "/dir");
    }

    /** The path of pebble's management API whose PEM is wanted, e.g. {@code /roots/0}. */
    public URI management(String path) {
        return URI.create("https://127.0.0.1:" + managementPort + path);
    }

    /** {@return the port pebble fetches http-01 answers from, at the names' address 127.0.0.1} */
    public int httpPort() {
        return httpPort;
    }

    /** {@return the common name of the test CA that issued pebble's own TLS certificate} */
    public String caName() {
        return caName;
    }

    /** {@return that test CA's certificate, PEM: import it into CertBench's store to reach pebble} */
    public String caPem() {
        return caPem;
    }

    /**
     * {@return the root that pebble issues under (its management API's {@code /roots/0}), PEM} It is made anew at
     * each start; clients verify pebble's certificates with it, as they would with a public CA's root.
     */
    public String issuingRootPem() throws IOException, InterruptedException {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("test-ca", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            try (HttpClient client = HttpClient.newBuilder().sslContext(context).build()) {
                HttpResponse<String> root = client.send(HttpRequest.newBuilder(management("/roots/0"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (root.statusCode() != 200) {
                    throw new IOException("pebble's /roots/0 answered " + root.statusCode() + ": " + root.body());
                }
                return root.body();
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the test CA of pebble: " + e.getMessage(), e);
        }
    }

    /** {@return pebble's log so far} */
    public String log() {
        return pebble.log();
    }

    @Override
    public void close() {
        pebble.close();
        challtestsrv.close();
    }
}
