package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.servers.Pebble;
import org.certbench.testing.servers.SquidProxy;
import org.certbench.testing.servers.TestServers;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The ACME server reached through the configured proxy, a real squid on 127.0.0.1: an account registered and a
 * certificate issued by pebble with every ACME request in squid's access log; a proxy that refuses, and one where
 * nothing listens, in words.
 * Pebble's own validation fetches do not go through the proxy (they are the CA's, not CertBench's).
 */
class AcmeThroughProxyTest {

    @TempDir
    static Path work;

    private static Pebble pebble;
    private static AcmeIssuers acme;
    private static Issuers issuers;
    private static OutboundTls outbound;

    @BeforeAll
    static void start() throws Exception {
        pebble = Pebble.start(work.resolve("pebble"), Map.of());
        Bundle bundle = FrameworkUtil.getBundle(AcmeIssuerService.class);
        acme = ServiceLayering.service(bundle, AcmeIssuers.class);
        issuers = ServiceLayering.service(bundle, Issuers.class);
        outbound = ServiceLayering.service(bundle, OutboundTls.class);
        Path caFile = work.resolve("acme-test-ca.pem");
        Files.writeString(caFile, pebble.caPem());
        ServiceLayering.service(bundle, TrustStore.class).importCertificate(caFile);
    }

    @AfterEach
    void direct() throws Exception {
        outbound.setProxy(ProxySettings.NONE);
    }

    @AfterAll
    static void stop() {
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void anAccountAndACertificateThroughSquidEveryRequestInItsAccessLog() throws Exception {
        String name = "www.proxied.test";
        pebble.resolve(name);
        KeyPair key = PrivateKeys.generate(KeyType.EC_P256);
        List<String> accessLog;
        try (SquidProxy squid = SquidProxy.forwarding()) {
            outbound.setProxy(new ProxySettings("127.0.0.1", squid.port()));

            add("pebble-proxied");
            IssuedChain issued = issuers.get("pebble-proxied").issue(
                    CertificationRequests.create(new HostIdentity(name, name, List.of()), CsrOptions.defaults(), key),
                    IssueRequest.of(IssueKind.HOST, List.of(name)), IssueMonitor.NONE);
            assertTrue(issued.certificate().namesHost(name), issued.certificate().toString());

            accessLog = squid.stopAndReadAccessLog();
        }
        String tunnel = "CONNECT " + pebble.directory().getAuthority();
        assertTrue(accessLog.stream().anyMatch(line -> line.contains("TCP_TUNNEL/200") && line.contains(tunnel)),
                String.join("\n", accessLog));
        // the one line without a request is the start-up check's connection, closed before sending anything
        assertTrue(accessLog.stream().filter(line -> !line.contains("error:transaction-end-before-headers"))
                .allMatch(line -> line.contains(tunnel)), "nothing else went through it: "
                        + String.join("\n", accessLog));
    }

    @Test
    void aProxyThatRefusesIsNamedWithWhatItAnswered() throws Exception {
        List<String> accessLog;
        try (SquidProxy squid = SquidProxy.refusing()) {
            outbound.setProxy(new ProxySettings("127.0.0.1", squid.port()));

            IssuerException refused = assertThrows(IssuerException.class, () -> add("pebble-proxy-refused"));

            assertEquals(Reason.UNAVAILABLE, refused.reason());
            assertEquals("The ACME CA of pebble-proxy-refused at " + pebble.directory() + " cannot be reached: "
                    + "the proxy 127.0.0.1:" + squid.port() + " refused to connect to "
                    + pebble.directory().getAuthority() + " (HTTP 403): allow it there, or change the proxy "
                    + "(net:proxy, or Outbound Connections in the workbench)", refused.getMessage());
            accessLog = squid.stopAndReadAccessLog();
        }
        assertTrue(accessLog.stream().anyMatch(line -> line.contains("TCP_DENIED/403")
                && line.contains("CONNECT " + pebble.directory().getAuthority())), String.join("\n", accessLog));
        assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals("pebble-proxy-refused")));
    }

    @Test
    void aProxyWhereNothingListensIsNamedNotTheAcmeServer() throws Exception {
        int nothing = TestServers.freePort();
        outbound.setProxy(new ProxySettings("127.0.0.1", nothing));

        IssuerException refused = assertThrows(IssuerException.class, () -> add("pebble-proxy-down"));

        assertEquals(Reason.UNAVAILABLE, refused.reason());
        assertEquals("The ACME CA of pebble-proxy-down at " + pebble.directory() + " cannot be reached: nothing "
                + "accepts connections at the proxy 127.0.0.1:" + nothing + " (connection refused): start it, or "
                + "change the proxy (net:proxy, or Outbound Connections in the workbench)", refused.getMessage());
    }

    private static void add(String name) throws IssuerException {
        acme.add(new AcmeIssuerSettings(name, pebble.directory(), Optional.of("admin@example.org"), true,
                Optional.empty(), new Standalone("127.0.0.1", pebble.httpPort())));
    }
}
