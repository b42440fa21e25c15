package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.dns;
import static org.certbench.testing.pki.PkiFixtures.emailName;
import static org.certbench.testing.pki.PkiFixtures.ipRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.certbench.crypto.Certificate;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.OpensslServer;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.ConnectionCheck;
import org.certbench.truststore.ServerNotTrustedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbound verifier against real chains served by a real TLS server (openssl s_server on 127.0.0.1), in the
 * spirit of x509-limbo and NIST PKITS: each case is accepted or refused, and a refusal must give its true reason,
 * the same words through {@code check} (net:check, Test Connection) and through the API's HttpClient. OpenSSL's
 * own client ({@code s_client}, server purpose, host checked, security level 2) is asked too, as an independent
 * validator: it must reach the same verdict, except where a row says why not.
 */
class OutboundConformanceTest {

    private static final String ROOT = "Conformance Root";
    private static final String INTERMEDIATE = "Conformance Intermediate";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant EXPIRED_AT = NOW.minus(Duration.ofDays(1));
    private static final Instant VALID_FROM = NOW.plus(Duration.ofDays(5));
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final byte[] LOOPBACK = { 127, 0, 0, 1 };

    @TempDir
    static Path work;

    private static final List<byte[]> STORE = new ArrayList<>();
    private static final KeyPair ROOT_KEY = PkiFixtures.freshEc();
    private static final KeyPair INTERMEDIATE_KEY = PkiFixtures.freshEc();
    private static final KeyPair SERVER_KEY = PkiFixtures.freshEc();
    private static byte[] intermediate;
    private static OutboundTlsService tls;
    private static int serial;

    /** What one case serves: the server's certificate and key, and the chain it sends after it. */
    private record Served(KeyPair key, byte[] certificate, List<byte[]> chain) {
        static Served of(byte[] certificate, byte[]... chain) {
            return new Served(SERVER_KEY, certificate, List.of(chain));
        }
    }

    /** One row of the table; what it serves is made once (its CA certificates must be in the store before). */
    private static final class Case {
        private final String name;
        private final String host;
        private final Supplier<Served> make;
        private final String reason;
        private boolean opensslAccepts;
        private Served served;

        Case(String name, String host, Supplier<Served> make, String reason) {
            this.name = name;
            this.host = host;
            this.make = make;
            this.reason = reason;
            this.opensslAccepts = reason == null;
        }

        /** Where OpenSSL's client decides otherwise, and why: the row says so rather than hiding it. */
        Case butOpensslAccepts() {
            opensslAccepts = true;
            return this;
        }

        synchronized Served served() {
            if (served == null) {
                served = make.get();
            }
            return served;
        }
    }

    private static List<Case> table;

    @BeforeAll
    static void store() throws Exception {
        STORE.add(ca(ROOT, ROOT_KEY).build());
        intermediate = caBy(INTERMEDIATE, INTERMEDIATE_KEY, ROOT, ROOT_KEY).build();
        FileTrustStore store = new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.systemUTC());
        table = cases();
        for (Case c : table) {
            c.served(); // the constrained roots of the cases join STORE here
        }
        StringBuilder all = new StringBuilder();
        for (byte[] ca : STORE) {
            store.importCertificate(Files.write(work.resolve("ca-" + serial++ + ".der"), ca));
            all.append(PkiFixtures.pem(ca));
        }
        Files.writeString(work.resolve("store.pem"), all);
        tls = new OutboundTlsService(store, new NetSettings(work.resolve("net.properties")), Clock.systemUTC());
    }

    @AfterAll
    static void forget() {
        STORE.clear();
        table = null;
    }

    @TestFactory
    Stream<DynamicTest> eachChainIsAcceptedOrRefusedForItsTrueReason() {
        return table.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> run(c)));
    }

    private static void run(Case c) throws Exception {
        Served served = c.served();
        Path directory = Files.createDirectories(work.resolve("server-" + serial++));
        try (OpensslServer server = OpensslServer.start(directory, served.key(), served.certificate(), served.chain())) {
            URI url = URI.create("https://" + c.host + ":" + server.port() + "/");
            String openssl = Openssl.clientRefusal(directory, server.port(), work.resolve("store.pem"), c.host);
            assertEquals(c.opensslAccepts, openssl == null, "openssl s_client's verdict: " + openssl);
            ConnectionCheck check = tls.check(url);
            if (c.reason == null) {
                assertTrue(check.success(), check.message() + "\n" + server.log());
                assertEquals("Connected to " + url + ": the certificate chain verifies against the CA certificates"
                        + " (HTTP 200).", check.message());
                return;
            }
            String expected = c.reason.replace("HOST", c.host).replace("ROOT_FINGERPRINT",
                    Certificate.fromDer(STORE.get(0), ROOT).sha256Fingerprint());
            assertEquals(expected, check.message(), "net:check and Test Connection");
            assertEquals(expected, apiFailure(tls.httpClient(), url).getMessage(), "OutboundTls.httpClient()");
        }
    }

    private static ServerNotTrustedException apiFailure(HttpClient client, URI url) throws InterruptedException {
        try {
            client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ServerNotTrustedException refusal) {
                    assertNotNull(refusal.problems());
                    return refusal;
                }
            }
            throw new AssertionError("the failure does not carry the reason", e);
        }
        return fail("the connection was accepted");
    }

    private static List<Case> cases() {
        String notTrusted = "The certificate of HOST is not trusted: ";
        String server = "the server certificate 'localhost'";
        return List.of(
                new Case("a valid chain", "localhost", () -> Served.of(server().build(), intermediate), null),
                new Case("the chain sent out of order, root included", "localhost", () -> {
                    KeyPair subKey = PkiFixtures.freshEc();
                    byte[] sub = caBy("Conformance Sub", subKey, INTERMEDIATE, INTERMEDIATE_KEY).build();
                    return Served.of(server().issuedBy("CN=Conformance Sub", subKey).build(), STORE.get(0),
                            intermediate, sub);
                }, null),
                new Case("an IP address asked, an IP address held", "127.0.0.1",
                        () -> Served.of(leaf("127.0.0.1").ip(LOOPBACK).build(), intermediate), null),
                new Case("expired", "localhost",
                        () -> Served.of(server().validity(NOW.minus(Duration.ofDays(30)), EXPIRED_AT).build(), intermediate),
                        notTrusted + server + " expired on " + DATE.format(EXPIRED_AT) + "."),
                new Case("not yet valid", "localhost",
                        () -> Served.of(server().validity(VALID_FROM, NOW.plus(Duration.ofDays(30))).build(), intermediate),
                        notTrusted + server + " is not valid before " + DATE.format(VALID_FROM) + "."),
                new Case("an expired intermediate", "localhost", () -> {
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] old = caBy("Expired Intermediate", key, ROOT, ROOT_KEY)
                            .validity(NOW.minus(Duration.ofDays(300)), EXPIRED_AT).build();
                    return Served.of(server().issuedBy("CN=Expired Intermediate", key).build(), old);
                }, notTrusted + "the intermediate CA certificate 'Expired Intermediate' expired on "
                        + DATE.format(EXPIRED_AT) + "."),
                new Case("the wrong name", "localhost",
                        () -> Served.of(leaf("www.example.org").dns("www.example.org").build(), intermediate),
                        notTrusted + "the server certificate 'www.example.org' does not name localhost: it holds"
                                + " DNS:www.example.org."),
                new Case("an address asked, held as a DNS name", "127.0.0.1",
                        () -> Served.of(leaf("127.0.0.1").dns("127.0.0.1").build(), intermediate),
                        notTrusted + "the server certificate '127.0.0.1' does not name the address 127.0.0.1: it holds"
                                + " DNS:127.0.0.1; 127.0.0.1 is listed there as a DNS name, but an address must be"
                                + " listed as an IP address."),
                new Case("a name asked, only an address held", "localhost",
                        () -> Served.of(leaf("localhost").ip(LOOPBACK).build(), intermediate),
                        notTrusted + server + " does not name localhost: it holds IP:127.0.0.1.")
                        // OpenSSL falls back to the Common Name (localhost) when there is no DNS name
                        .butOpensslAccepts(),
                new Case("the name in the Common Name only", "localhost",
                        () -> Served.of(leaf("localhost").build(), intermediate),
                        notTrusted + server + " does not name localhost: it holds no DNS names or IP addresses"
                                + " (subject alternative names), and a name in the Common Name alone is not accepted.")
                        // OpenSSL still falls back to the Common Name when there are no DNS names; browsers do not
                        .butOpensslAccepts(),
                new Case("the intermediate not sent", "localhost", () -> Served.of(server().build()),
                        "The certificate of HOST was issued by 'Conformance Intermediate', which is not in the CA"
                                + " certificates. The server sent no certificate of 'Conformance Intermediate' either:"
                                + " if it is an intermediate CA, the server's chain is incomplete and the server must"
                                + " send it with its own certificate; if it is a root CA you trust, import it."),
                new Case("an issuer not in the store", "localhost", () -> {
                    KeyPair otherRoot = PkiFixtures.freshEc();
                    KeyPair otherKey = PkiFixtures.freshEc();
                    byte[] other = caBy("Other Intermediate", otherKey, "Other Root", otherRoot).build();
                    return Served.of(server().issuedBy("CN=Other Intermediate", otherKey).build(), other);
                }, "The certificate of HOST was issued by 'Other Root', which is not in the CA certificates."),
                new Case("a root of the same name with another key", "localhost", () -> {
                    KeyPair impostor = PkiFixtures.freshEc();
                    return Served.of(server().issuedBy("CN=" + ROOT, impostor).build());
                }, notTrusted + server + " names 'Conformance Root' as its issuer, but was not signed with the key of"
                        + " the CA certificate 'Conformance Root' in the store (SHA-256 ROOT_FINGERPRINT): that CA has"
                        + " a new key, or another CA uses the same name."),
                new Case("an intermediate that is not a CA", "localhost", () -> {
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] notCa = PkiFixtures.certificate("CN=Not A CA").key(key).issuedBy("CN=" + ROOT, ROOT_KEY)
                            .ca(false).build();
                    return Served.of(server().issuedBy("CN=Not A CA", key).build(), notCa);
                }, notTrusted + "the intermediate CA certificate 'Not A CA' signed " + server
                        + ", but it is not a CA certificate (Basic Constraints: CA=false)."),
                new Case("an intermediate whose key usage does not sign certificates", "localhost", () -> {
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] signer = caBy("Signing Only", key, ROOT, ROOT_KEY).keyUsage(KeyUsage.digitalSignature).build();
                    return Served.of(server().issuedBy("CN=Signing Only", key).build(), signer);
                }, notTrusted + "the intermediate CA certificate 'Signing Only' signed " + server
                        + ", but its key usage (digitalSignature) does not allow signing certificates (keyCertSign)."),
                new Case("path length of the store's CA exceeded", "localhost", () -> {
                    KeyPair rootKey = PkiFixtures.freshEc();
                    STORE.add(PkiFixtures.certificate("CN=Path Root").key(rootKey).pathLength(0).build());
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] below = caBy("Path Intermediate", key, "Path Root", rootKey).build();
                    return Served.of(server().issuedBy("CN=Path Intermediate", key).build(), below);
                }, notTrusted + "the CA certificate 'Path Root' of the store allows 0 intermediate CA certificates"
                        + " below it (path length constraint), but the chain has 1: 'Path Intermediate'."),
                new Case("path length of an intermediate exceeded", "localhost", () -> {
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] limited = PkiFixtures.certificate("CN=Limited Intermediate").key(key)
                            .issuedBy("CN=" + ROOT, ROOT_KEY).pathLength(0).build();
                    KeyPair subKey = PkiFixtures.freshEc();
                    byte[] sub = caBy("Too Deep", subKey, "Limited Intermediate", key).build();
                    return Served.of(server().issuedBy("CN=Too Deep", subKey).build(), sub, limited);
                }, notTrusted + "the intermediate CA certificate 'Limited Intermediate' allows 0 intermediate CA"
                        + " certificates below it (path length constraint), but the chain has 1: 'Too Deep'."),
                constrained("a DNS name outside the permitted subtree", "localhost", "Example Only Root",
                        root -> root.permit(dns("example.com")),
                        notTrusted + "the name DNS:localhost of " + server + " is outside the name constraints of the"
                                + " CA certificate 'Example Only Root' of the store (permitted: DNS:example.com)."),
                constrained("a DNS name inside the permitted subtree", "localhost", "Localhost Only Root",
                        root -> root.permit(dns("localhost")), null),
                constrained("a DNS name in an excluded subtree", "localhost", "No Localhost Root",
                        root -> root.exclude(dns("localhost")),
                        notTrusted + "the name DNS:localhost of " + server + " is outside the name constraints of the"
                                + " CA certificate 'No Localhost Root' of the store (excluded: DNS:localhost)."),
                constrained("an address outside the permitted range", "127.0.0.1", "Ten Net Root",
                        root -> root.permit(ipRange("10.0.0.0/8")),
                        notTrusted + "the name IP:127.0.0.1 of " + server + " is outside the name constraints of the"
                                + " CA certificate 'Ten Net Root' of the store (permitted: IP:10.0.0.0/8)."),
                constrained("an address inside the permitted range", "127.0.0.1", "Loopback Root",
                        root -> root.permit(ipRange("127.0.0.0/8")), null),
                constrained("an address in an excluded range", "127.0.0.1", "No Loopback Root",
                        root -> root.exclude(ipRange("127.0.0.0/8")),
                        notTrusted + "the name IP:127.0.0.1 of " + server + " is outside the name constraints of the"
                                + " CA certificate 'No Loopback Root' of the store (excluded: IP:127.0.0.0/8)."),
                constrained("an email address outside the permitted domain", "localhost", "Mail Root",
                        root -> root.permit(emailName("example.com")),
                        notTrusted + "the name email:admin@localhost of " + server + " is outside the name constraints"
                                + " of the CA certificate 'Mail Root' of the store (permitted: email:example.com)."),
                constrained("an email address in an excluded domain", "localhost", "No Local Mail Root",
                        root -> root.exclude(emailName("localhost")),
                        notTrusted + "the name email:admin@localhost of " + server + " is outside the name constraints"
                                + " of the CA certificate 'No Local Mail Root' of the store (excluded: email:localhost)."),
                new Case("name constraints of an intermediate", "localhost", () -> {
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] narrow = caBy("Narrow Intermediate", key, ROOT, ROOT_KEY).exclude(dns("localhost")).build();
                    return Served.of(server().issuedBy("CN=Narrow Intermediate", key).build(), narrow);
                }, notTrusted + "the name DNS:localhost of " + server + " is outside the name constraints of the"
                        + " intermediate CA certificate 'Narrow Intermediate' (excluded: DNS:localhost)."),
                new Case("a wildcard that could stand for a name of an excluded subtree", "localhost", () -> {
                    KeyPair rootKey = PkiFixtures.freshEc();
                    STORE.add(ca("No Evil Root", rootKey).exclude(dns("evil.example.com")).build());
                    return Served.of(server().issuedBy("CN=No Evil Root", rootKey).dns("*.example.com").build());
                }, notTrusted + "the name DNS:*.example.com of " + server + " is outside the name constraints of the"
                        + " CA certificate 'No Evil Root' of the store (excluded: DNS:evil.example.com).")
                        // OpenSSL reads the wildcard as one literal name, which no excluded subtree below it contains
                        .butOpensslAccepts(),
                new Case("a DNS name that becomes the host only through IDN mapping (soft hyphen)", "localhost", () -> {
                    KeyPair rootKey = PkiFixtures.freshEc();
                    STORE.add(ca("No Localhost Mapping Root", rootKey).exclude(dns("localhost")).build());
                    return Served.of(leaf("localhost").issuedBy("CN=No Localhost Mapping Root", rootKey)
                            .dns("local\u00ADhost").purpose(KeyPurposeId.id_kp_serverAuth).build());
                }, notTrusted + server + " does not name localhost: it holds DNS:local\u00ADhost."),
                new Case("an intermediate whose extended key usage leaves out TLS servers", "localhost", () -> {
                    KeyPair key = PkiFixtures.freshEc();
                    byte[] clients = caBy("Client Issuing", key, ROOT, ROOT_KEY).purpose(KeyPurposeId.id_kp_clientAuth)
                            .build();
                    return Served.of(server().issuedBy("CN=Client Issuing", key).build(), clients);
                }, notTrusted + "the intermediate CA certificate 'Client Issuing' may not issue certificates for TLS"
                        + " servers: its extended key usage (clientAuth) includes neither serverAuth nor"
                        + " anyExtendedKeyUsage."),
                new Case("TLS 1.3 with a key for key encipherment only", "localhost",
                        () -> Served.of(server().keyUsage(KeyUsage.keyEncipherment).build(), intermediate),
                        notTrusted + server + " may not be used by a TLS 1.3 server: its key usage (keyEncipherment)"
                                + " lacks digitalSignature, which TLS 1.3 requires of every server key (keyEncipherment"
                                + " and keyAgreement serve only the key exchanges of older TLS versions).")
                        // OpenSSL's client checks only that some TLS usage is there, whatever the version
                        .butOpensslAccepts(),
                new Case("a key usage that does not allow a TLS server", "localhost",
                        () -> Served.of(server().keyUsage(KeyUsage.nonRepudiation).build(), intermediate),
                        notTrusted + server + " may not be used by a TLS server: its key usage (nonRepudiation) allows"
                                + " neither digitalSignature, keyEncipherment nor keyAgreement."),
                new Case("an extended key usage without serverAuth", "localhost", () -> Served.of(
                        leaf("localhost").dns("localhost").purpose(KeyPurposeId.id_kp_clientAuth).build(), intermediate),
                        notTrusted + server + " may not be used by a TLS server: its extended key usage (clientAuth)"
                                + " does not include serverAuth."),
                new Case("an RSA-1024 server key", "localhost", () -> {
                    KeyPair weak = PkiFixtures.generate("RSA", null, 1024);
                    return new Served(weak, server().key(weak).build(), List.of(intermediate));
                }, notTrusted + server + " has a key of 1024 bits (RSA); outbound connections require at least 2048"
                        + " bits."),
                new Case("a SHA-1 signature", "localhost",
                        () -> Served.of(server().signatureAlgorithm("SHA1withECDSA").build(), intermediate),
                        notTrusted + server + " is signed with ECDSAWITHSHA1, which outbound connections refuse (MD2,"
                                + " MD5 and SHA-1 signatures can be forged)."));
    }

    /** A case under a root of the store with name constraints; the server holds DNS localhost, 127.0.0.1, an email. */
    private static Case constrained(String name, String host, String rootName,
            java.util.function.UnaryOperator<PkiFixtures.Builder> constraints, String reason) {
        return new Case(name, host, () -> {
            KeyPair rootKey = PkiFixtures.freshEc();
            STORE.add(constraints.apply(ca(rootName, rootKey)).build());
            return Served.of(server().issuedBy("CN=" + rootName, rootKey).ip(LOOPBACK).email("admin@localhost").build());
        }, reason);
    }

    private static PkiFixtures.Builder ca(String name, KeyPair key) {
        return PkiFixtures.certificate("CN=" + name).key(key).ca(true).validity(NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(365)));
    }

    private static PkiFixtures.Builder caBy(String name, KeyPair key, String issuer, KeyPair issuerKey) {
        return ca(name, key).issuedBy("CN=" + issuer, issuerKey);
    }

    /** The usual server certificate: localhost, issued by the intermediate, valid now, for TLS servers. */
    private static PkiFixtures.Builder server() {
        return leaf("localhost").dns("localhost").purpose(KeyPurposeId.id_kp_serverAuth);
    }

    private static PkiFixtures.Builder leaf(String commonName) {
        return PkiFixtures.certificate("CN=" + commonName).key(SERVER_KEY).issuedBy("CN=" + INTERMEDIATE, INTERMEDIATE_KEY)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
    }
}
