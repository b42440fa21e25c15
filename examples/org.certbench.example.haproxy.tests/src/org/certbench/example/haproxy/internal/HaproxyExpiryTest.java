package org.certbench.example.haproxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.core.StateDirectory;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SelfSignedCertificates;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryList;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;
import org.certbench.host.HostCertificates;
import org.certbench.host.ServerCredentials;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The expiry overview as the product runs it (its real services, a real HAProxy with two TLS frontends): a CA row,
 * the {@code haproxy} target's certificate once, as a host row, and the other frontend's certificate contributed by
 * this plug-in as kind {@code haproxy}; with HAProxy down, the last read, also in a new instance (a new process) from
 * the home, and a kept file beyond the bound not used.
 */
class HaproxyExpiryTest {

    @TempDir
    Path work;

    private HaproxyServer haproxy;
    private HostCertificates host;

    @AfterEach
    void stop() throws Exception {
        if (host != null) {
            Map<String, String> unset = new HashMap<>();
            for (String key : List.of(HaproxyOptions.PEM_FILE, HaproxyOptions.ADMIN_SOCKET, HaproxyOptions.CHECK_ADDRESS)) {
                unset.put(key, "");
            }
            host.configure(HaproxyTarget.ID, unset);
        }
        if (haproxy != null) {
            haproxy.close();
        }
    }

    @Test
    void theTargetsCertificateIsOneHostRowAndTheOtherFrontendsArePluginRows() throws Exception {
        ServerCredentials web = selfSigned("web.example");
        ServerCredentials api = selfSigned("api.example");
        Path webPem = Files.createDirectories(work.resolve("tls")).resolve("web.pem");
        Path apiPem = work.resolve("tls/api.pem");
        Files.writeString(webPem, web.certificatePem() + web.keyPem());
        Files.writeString(apiPem, api.certificatePem() + api.keyPem());
        haproxy = HaproxyServer.start(work.resolve("haproxy"), webPem, apiPem);
        Path caFile = work.resolve("root.pem");
        Files.writeString(caFile, PkiFixtures.pem(PkiFixtures.certificate("CN=Expiry Test Root").ca(true)
                .validity(PkiFixtures.YEAR_AGO, PkiFixtures.IN_A_YEAR).build()));

        host = service(HostCertificates.class);
        host.configure(HaproxyTarget.ID, Map.of(HaproxyOptions.PEM_FILE, webPem.toString(),
                HaproxyOptions.ADMIN_SOCKET, haproxy.adminSocket().toString(),
                HaproxyOptions.CHECK_ADDRESS, "127.0.0.1:" + haproxy.port()));
        service(TrustStore.class).importCertificate(caFile);
        ExpiryList overview = service(ExpiryOverview.class).rows();

        List<ExpiryRow> rows = overview.rows();
        assertEquals(List.of(), overview.problems());
        List<ExpiryRow> webRows = rows.stream().filter(row -> row.certificate().equals(web.certificate())).toList();
        assertEquals(1, webRows.size(), rows.toString());
        assertEquals(ExpiryKinds.HOST, webRows.get(0).kind());
        assertEquals(HaproxyTarget.ID, webRows.get(0).id());
        List<ExpiryRow> apiRows = rows.stream().filter(row -> row.certificate().equals(api.certificate())).toList();
        assertEquals(1, apiRows.size(), rows.toString());
        assertEquals("haproxy", apiRows.get(0).kind());
        assertEquals(HaproxyServer.OTHER_FRONTEND, apiRows.get(0).name());
        assertEquals("HAProxy frontend api on 127.0.0.1:" + haproxy.otherPort() + " (" + apiPem + ")",
                apiRows.get(0).usedAt());
        assertTrue(rows.stream().anyMatch(row -> row.kind().equals(ExpiryKinds.CA)
                && row.name().equals("Expiry Test Root")), rows.toString());

        // HAProxy down: the overview shows what the frontends served when last read, without a handshake
        java.time.Instant asOf = apiRows.get(0).asOf();
        assertNotNull(asOf, "as of the last read");
        haproxy.close();
        haproxy = null;
        ExpiryOverview expiry = service(ExpiryOverview.class);
        ExpiryList later = expiry.rows();
        assertEquals(List.of(), later.problems(), "no connection was tried");
        List<ExpiryRow> stillApi = later.rows().stream().filter(row -> row.certificate().equals(api.certificate()))
                .toList();
        assertEquals(1, stillApi.size(), later.rows().toString());
        assertEquals(asOf, stillApi.get(0).asOf());
        // the check reads the frontends again: failing now, said, and the last read still shown
        List<String> checked = expiry.check().problems();
        assertTrue(checked.stream().anyMatch(problem -> problem.startsWith("The haproxy certificates could not be read")),
                checked.toString());
        assertEquals(asOf, expiry.rows().rows().stream().filter(row -> row.certificate().equals(api.certificate()))
                .findFirst().orElseThrow().asOf());

        // a new process on the home (a one-shot certbench-shell): the last read is in the home, no handshake either
        Path kept = StateDirectory.area("haproxy").resolve("expiry-seen.properties");
        assertTrue(Files.isRegularFile(kept), kept.toString());
        List<ContributedCertificate> again = new HaproxyExpiry(host).certificates();
        assertTrue(again.stream().anyMatch(served -> served.certificate().equals(api.certificate())
                && asOf.equals(served.asOf()) && served.name().equals(HaproxyServer.OTHER_FRONTEND)), again.toString());

        // a file larger than the bound is not read: the frontends are read again (HAProxy is down: said)
        try {
            Files.write(kept, new byte[FrontendsSeen.MAX_BYTES + 1]);
            // the admin socket does not answer: proof that the frontends were asked, not the file used
            assertThrows(java.io.IOException.class, () -> new HaproxyExpiry(host).certificates());
        } finally {
            Files.deleteIfExists(kept);
        }
    }

    private <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(HaproxyExpiryTest.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }

    private static ServerCredentials selfSigned(String fqdn) throws Exception {
        KeyPair key = PrivateKeys.generate(KeyType.DEFAULT);
        String hostname = fqdn.substring(0, fqdn.indexOf('.'));
        Certificate certificate = SelfSignedCertificates.create(new HostIdentity(hostname, fqdn, List.of()), key,
                Clock.systemUTC());
        return new ServerCredentials(certificate, List.of(), key);
    }
}
