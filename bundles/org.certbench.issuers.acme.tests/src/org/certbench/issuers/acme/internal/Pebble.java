package org.certbench.issuers.acme.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.testing.pki.PkiFixtures;

/**
 * Let's Encrypt's ACME test server (Debian's pebble) on 127.0.0.1, validating for real: its names resolve through
 * pebble-challtestsrv's DNS (A records added by its management API), its http-01 fetches go to
 * {@link #httpPort()}, where a test's nginx or the standalone listener answers. Its TLS certificate is issued by a
 * test CA ({@link #caPem()}) that the test imports into CertBench's store. Never {@code PEBBLE_VA_ALWAYS_VALID}.
 */
final class Pebble implements AutoCloseable {

    private final int acmePort;
    private final int managementPort;
    private final int dnsManagementPort;
    private final int httpPort;
    private final String caName;
    private final String caPem;
    private final LocalServers.Program challtestsrv;
    private final LocalServers.Program pebble;

    private Pebble(int acmePort, int managementPort, int dnsManagementPort, int httpPort, String caName,
            String caPem, LocalServers.Program challtestsrv, LocalServers.Program pebble) {
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
     * @param eabKeys the External Account Binding keys pebble knows (key id → base64url MAC key); when not empty,
     *        pebble requires a binding
     */
    static Pebble start(Path directory, Map<String, String> eabKeys) throws IOException, InterruptedException {
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

        int dnsPort = LocalServers.freePort();
        int dnsManagementPort = LocalServers.freePort();
        LocalServers.Program challtestsrv = new LocalServers.Program(List.of("pebble-challtestsrv", "-management",
                "127.0.0.1:" + dnsManagementPort, "-dns01", "127.0.0.1:" + dnsPort, "-http01", "", "-https01", "",
                "-tlsalpn01", "", "-defaultIPv6", "", "-defaultIPv4", "127.0.0.1"), Map.of(),
                directory.resolve("challtestsrv.log"));
        LocalServers.Program pebble = null;
        try {
            challtestsrv.awaitPort(dnsManagementPort);
            int acmePort = LocalServers.freePort();
            int managementPort = LocalServers.freePort();
            int httpPort = LocalServers.freePort();
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
                      "externalAccountMACKeys": {%s}
                    }}
                    """.formatted(acmePort, managementPort, directory.resolve("cert.pem"),
                    directory.resolve("key.pem"), httpPort, LocalServers.freePort(), !eabKeys.isEmpty(), keys));
            // no nonce rejected on purpose: acme4j retries badNonce, but a test must not depend on 5 % luck
            pebble = new LocalServers.Program(List.of("pebble", "-config",
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
    void resolve(String name) throws IOException, InterruptedException {
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + dnsManagementPort + "/add-a"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"" + name + "\",\"addresses\":[\"127.0.0.1\"]}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (added.statusCode() != 200) {
            throw new IOException("challtestsrv did not add " + name + ": " + added.statusCode() + " " + added.body());
        }
    }

    URI directory() {
        return URI.create("https://127.0.0.1:" + acmePort + "/dir");
    }

    /** The path of pebble's management API whose PEM is wanted, e.g. {@code /roots/0}. */
    URI management(String path) {
        return URI.create("https://127.0.0.1:" + managementPort + path);
    }

    int httpPort() {
        return httpPort;
    }

    String caName() {
        return caName;
    }

    String caPem() {
        return caPem;
    }

    String log() {
        return pebble.log();
    }

    @Override
    public void close() {
        pebble.close();
        challtestsrv.close();
    }
}
