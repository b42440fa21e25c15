package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CertificateSource;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.ReissueOptions;
import org.certbench.agents.connector.SourcedCertificate;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.KeyType;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.servers.AgentRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal through a CA without files ({@link FileAgentFleet#reissue}) with real {@code certbench-agent} processes and
 * the seed's real {@code openssl x509 -req … -copy_extensions copyall} as the CA behind the source.
 */
class ReissueWithRealAgentsTest {

    @TempDir
    Path work;

    private final List<RunningAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (RunningAgent agent : agents) {
            agent.stop();
        }
    }

    private FileAgentFleet fleet() throws Exception {
        return new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
    }

    private RunningAgent start(FileAgentFleet fleet, String name) throws Exception {
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        RunningAgent agent = RunningAgent.start(name, work);
        agents.add(agent);
        agent.authorize(consolePem);
        fleet.add(name, "127.0.0.1", agent.port, null);
        return agent;
    }

    /** The seed's CA command behind the source; it records the names it was asked for. */
    private static final class OpensslSource implements CertificateSource {
        private final TestCa ca;
        private final Path directory;
        final List<List<String>> names = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger serial = new AtomicInteger();

        OpensslSource(TestCa ca, Path directory) {
            this.ca = ca;
            this.directory = directory;
        }

        @Override
        public SourcedCertificate issue(String agent, List<String> requested,
                org.certbench.crypto.CertificationRequest csr) throws FleetException {
            names.add(requested);
            try {
                Files.createDirectories(directory);
                int n = serial.incrementAndGet();
                Path csrFile = Files.writeString(directory.resolve(agent + n + ".csr"), csr.pem(),
                        StandardCharsets.US_ASCII);
                Path issued = ca.issue(csrFile, directory.resolve(agent + n + ".crt"));
                return new SourcedCertificate(Certificates.read(issued).certificate(),
                        Certificates.read(ca.certificateFile()).certificate());
            } catch (Exception e) {
                throw new FleetException("the test CA failed: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void aSelfSignedAgentGetsACertificateForItsInventoryHostAndARenewalKeepsTheNamesOfTheCaIssuedOne()
            throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent alpha = start(fleet, "alpha");
        Certificate selfSigned = fleet.status("alpha").certificate();
        OpensslSource source = new OpensslSource(TestCa.create(work.resolve("ca"), "Fleet CA"), work.resolve("out"));

        BatchResult<AppliedCertificate> first = fleet.reissue(List.of("alpha"), ReissueOptions.KEEP_KEY, source,
                BatchMonitor.NONE);
        assertTrue(first.allSucceeded(), first.toString());
        // a self-signed certificate's names are the agent's own claim: only the inventory host is asked for
        assertEquals(List.of(List.of("127.0.0.1")), source.names);
        Certificate issued = first.values().get(0).certificate();
        assertEquals(selfSigned, first.values().get(0).previous());
        assertTrue(issued.namesHost("127.0.0.1"));
        assertEquals(selfSigned.publicKeySha256Fingerprint(), issued.publicKeySha256Fingerprint());
        assertEquals(issued.sha256Fingerprint(), Openssl.servedFingerprint(work, alpha.port));
        assertEquals(TrustState.TRUSTED, fleet.status("alpha").state());

        BatchResult<AppliedCertificate> second = fleet.reissue(List.of("alpha"), ReissueOptions.KEEP_KEY, source,
                BatchMonitor.NONE);
        assertTrue(second.allSucceeded(), second.toString());
        Certificate renewed = second.values().get(0).certificate();
        assertNotEquals(issued, renewed);
        assertEquals(issued, second.values().get(0).previous());
        assertEquals(renewed.sha256Fingerprint(), Openssl.servedFingerprint(work, alpha.port));
        assertEquals(TrustState.TRUSTED, fleet.status("alpha").state());
    }

    /** A monitor whose Cancel the test presses from inside a source, while the issuer is being asked. */
    private static final class CancelFromTheSource implements BatchMonitor {

        private volatile boolean pressed;

        void press() {
            pressed = true;
        }

        @Override
        public boolean isCanceled() {
            return pressed;
        }
    }

    @Test
    void aCancelWhileTheIssuerSignsStillAppliesTheCertificateItIssued() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent theta = start(fleet, "theta");
        String before = Openssl.servedFingerprint(work, theta.port);
        OpensslSource openssl = new OpensslSource(TestCa.create(work.resolve("ca"), "Fleet CA"), work.resolve("out"));
        CancelFromTheSource monitor = new CancelFromTheSource();
        // Cancel is pressed while the issuer signs, and it signs all the same: the certificate it made is applied
        CertificateSource signingThroughTheCancel = (agent, names, csr) -> {
            monitor.press();
            return openssl.issue(agent, names, csr);
        };

        AgentResult<AppliedCertificate> renewed = fleet.reissue(List.of("theta"), ReissueOptions.KEEP_KEY,
                signingThroughTheCancel, monitor).results().get(0);

        assertEquals(AgentResult.Outcome.SUCCEEDED, renewed.outcome(), renewed.toString());
        assertEquals(renewed.value().certificate().sha256Fingerprint(), Openssl.servedFingerprint(work, theta.port));
        assertNotEquals(before, Openssl.servedFingerprint(work, theta.port));
    }

    @Test
    void anIssuerThatStopsAtTheCancelLeavesTheAgentCancelledOnItsCertificate() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent iota = start(fleet, "iota");
        String before = Openssl.servedFingerprint(work, iota.port);
        CancelFromTheSource monitor = new CancelFromTheSource();
        CertificateSource stoppingAtTheCancel = (agent, names, csr) -> {
            monitor.press();
            throw new FleetException("issuer 'acme' failed: Cancelled.");
        };

        AgentResult<AppliedCertificate> result = fleet.reissue(List.of("iota"), ReissueOptions.KEEP_KEY,
                stoppingAtTheCancel, monitor).results().get(0);

        // the cancel's doing, not a failure of the issuer's: no backoff for it, and a retry renews it
        assertEquals(AgentResult.Outcome.CANCELED, result.outcome(), result.toString());
        assertEquals("Cancelled while the issuer was asked, before anything was sent to the agent: issuer 'acme' "
                + "failed: Cancelled. The agent keeps its current certificate; retry to renew it.", result.message());
        assertEquals(before, Openssl.servedFingerprint(work, iota.port));
        assertEquals(TrustState.TRUSTED, fleet.status("iota").state());
    }

    @Test
    void aFailingSourceLeavesTheAgentOnItsCertificateWithTheReason() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent beta = start(fleet, "beta");
        String before = Openssl.servedFingerprint(work, beta.port);
        BatchResult<AppliedCertificate> failed = fleet.reissue(List.of("beta"), ReissueOptions.KEEP_KEY,
                (agent, names, csr) -> {
                    throw new FleetException("the CA at ca.example.test:443 refused the connection.");
                }, BatchMonitor.NONE);
        AgentResult<AppliedCertificate> result = failed.results().get(0);
        assertFalse(result.succeeded());
        assertEquals("No new certificate: the CA at ca.example.test:443 refused the connection. The agent keeps its "
                + "current certificate.", result.message());
        assertEquals(before, Openssl.servedFingerprint(work, beta.port));
        assertEquals(TrustState.TRUSTED, fleet.status("beta").state());
    }

    @Test
    void aCertificateForAnotherKeyIsNeverSentToTheAgent() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent gamma = start(fleet, "gamma");
        String before = Openssl.servedFingerprint(work, gamma.port);
        TestCa ca = TestCa.create(work.resolve("ca"), "Fleet CA");
        Certificate caCertificate = Certificates.read(ca.certificateFile()).certificate();
        Path other = ca.issueFor(org.certbench.testing.pki.PkiFixtures.freshEc().getPublic(),
                work.resolve("other.crt"), "127.0.0.1");
        BatchResult<AppliedCertificate> refused = fleet.reissue(List.of("gamma"), ReissueOptions.KEEP_KEY,
                (agent, names, csr) -> {
                    try {
                        return new SourcedCertificate(Certificates.read(other).certificate(), caCertificate);
                    } catch (Exception e) {
                        throw new FleetException(e.getMessage(), e);
                    }
                }, BatchMonitor.NONE);
        AgentResult<AppliedCertificate> result = refused.results().get(0);
        assertFalse(result.succeeded());
        assertTrue(result.message().startsWith("The new certificate was not applied: "), result.message());
        assertTrue(result.message().endsWith("The agent keeps its current certificate."), result.message());
        assertEquals(before, Openssl.servedFingerprint(work, gamma.port));
    }

    @Test
    void aNewKeysCsrIsForAnotherKeyAndTheServedPairStaysWhenNoCertificateComes() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent delta = start(fleet, "delta");
        String before = Openssl.servedFingerprint(work, delta.port);
        java.security.PublicKey served = fleet.status("delta").certificate().publicKey();
        AtomicInteger forAnotherKey = new AtomicInteger();
        BatchResult<AppliedCertificate> refused = fleet.reissue(List.of("delta"), new ReissueOptions(true),
                (agent, names, csr) -> {
                    if (!csr.hasPublicKey(served)) {
                        forAnotherKey.incrementAndGet();
                    }
                    throw new FleetException("The CA is down.");
                }, BatchMonitor.NONE);
        assertEquals("No new certificate: The CA is down. The agent keeps its current certificate.",
                refused.results().get(0).message());
        assertEquals(1, forAnotherKey.get(), "the CSR of --rekey is for a new key");
        assertEquals(before, Openssl.servedFingerprint(work, delta.port));
    }

    @Test
    void aNewKeyOfThePolicysTypeIsConfirmedAndOneTheConsoleCannotConfirmIsRolledBack() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent epsilon = start(fleet, "epsilon");
        OpensslSource source = new OpensslSource(TestCa.create(work.resolve("ca"), "Fleet CA"), work.resolve("out"));
        Path previous = epsilon.stateDirectory.resolve("previous.pem");

        BatchResult<AppliedCertificate> rekeyed = fleet.reissue(List.of("epsilon"),
                new ReissueOptions(true, KeyType.EC_P384), source, BatchMonitor.NONE);
        assertTrue(rekeyed.allSucceeded(), rekeyed.toString());
        Certificate p384 = rekeyed.values().get(0).certificate();
        assertEquals(384, ((java.security.interfaces.ECPublicKey) p384.publicKey()).getParams().getCurve().getField()
                .getFieldSize());
        assertEquals(p384.sha256Fingerprint(), Openssl.servedFingerprint(work, epsilon.port));
        assertFalse(Files.exists(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "confirmed: the agent forgot its previous key");

        // the CA revokes what it signs next before the console's confirming handshake: the trust rule refuses it
        Set<Certificate> revoked = ConcurrentHashMap.newKeySet();
        fleet.addRevocationStatus(presented -> revoked.contains(presented)
                ? Optional.of(Instant.parse("2026-03-04T05:06:07Z")) : Optional.empty());
        CertificateSource revoking = (agent, names, csr) -> {
            SourcedCertificate issued = source.issue(agent, names, csr);
            revoked.add(issued.certificate());
            return issued;
        };
        BatchResult<AppliedCertificate> refused = fleet.reissue(List.of("epsilon"), new ReissueOptions(true),
                revoking, BatchMonitor.NONE);
        AgentResult<AppliedCertificate> result = refused.results().get(0);
        assertFalse(result.succeeded());
        assertEquals("The new key was not confirmed: its certificate was revoked on 2026-03-04. The agent went back "
                + "to its previous key and certificate.", result.message());
        assertEquals(1, revoked.size());
        assertEquals(p384.sha256Fingerprint(), Openssl.servedFingerprint(work, epsilon.port));
        assertEquals(TrustState.TRUSTED, fleet.status("epsilon").state());
        assertEquals(p384.publicKeySha256Fingerprint(),
                fleet.status("epsilon").certificate().publicKeySha256Fingerprint());
        assertFalse(Files.exists(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void anAgentLostAfterItsKeySwitchKeepsAWorkingPairAndItsPreviousOneAndTheConsoleSaysWhatHappened()
            throws Exception {
        FileAgentFleet fleet = fleet();
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        RunningAgent eta = RunningAgent.start("eta", work);
        agents.add(eta);
        eta.authorize(consolePem);
        Path previous = eta.stateDirectory.resolve("previous.pem");
        OpensslSource source = new OpensslSource(TestCa.create(work.resolve("ca"), "Fleet CA"), work.resolve("out"));
        try (AgentRelay network = AgentRelay.to(eta.port)) {
            fleet.add("eta", "127.0.0.1", network.port, null);
            String selfSigned = fleet.status("eta").certificate().sha256Fingerprint();

            // the network loses the agent once it has switched: neither the confirming handshake nor the rollback
            // reaches it
            network.letThrough(1);
            AgentResult<AppliedCertificate> lost = fleet.reissue(List.of("eta"), new ReissueOptions(true), source,
                    BatchMonitor.NONE).results().get(0);
            assertFalse(lost.succeeded());
            assertTrue(lost.message().startsWith("The new key was not confirmed: "), lost.message());
            assertTrue(lost.message().contains(" Going back to the previous key failed too: "), lost.message());
            assertTrue(lost.message().endsWith(" The agent may be serving its new key; look at its status."),
                    lost.message());
            // nothing lost: the agent serves its new pair (it passed every check before it was sent) and keeps the
            // previous one; the console trusts the new one, so the agent is trusted once it is back
            String switched = Openssl.servedFingerprint(work, eta.port);
            assertNotEquals(selfSigned, switched);
            assertTrue(Files.exists(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS));
            network.listenAgain();
            org.certbench.agents.connector.AgentStatus back = fleet.status("eta");
            assertEquals(TrustState.TRUSTED, back.state(), back.reason());
            assertEquals(switched, back.certificate().sha256Fingerprint());

            // confirmed by a handshake, then lost before it could be told to forget its previous pair
            network.letThrough(2);
            AgentResult<AppliedCertificate> unforgotten = fleet.reissue(List.of("eta"), new ReissueOptions(true),
                    source, BatchMonitor.NONE).results().get(0);
            assertTrue(unforgotten.succeeded(), unforgotten.toString());
            assertTrue(unforgotten.message().startsWith("The new key and certificate are in use and confirmed, but "
                    + "the agent could not be told to forget its previous key ("), unforgotten.message());
            assertTrue(unforgotten.message().endsWith("); it forgets it at its next key switch."),
                    unforgotten.message());
            assertEquals(unforgotten.value().certificate().sha256Fingerprint(),
                    Openssl.servedFingerprint(work, eta.port));
            assertTrue(Files.exists(previous, java.nio.file.LinkOption.NOFOLLOW_LINKS), "kept until the next switch");
            network.listenAgain();
            assertEquals(TrustState.TRUSTED, fleet.status("eta").state());
        }
    }

    @Test
    void aNameLongerThanACommonNameStaysInTheSubjectAlternativeNamesAndAShorterOneIsTheCommonName()
            throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent zeta = start(fleet, "zeta");
        String longName = "zeta-" + "a".repeat(40) + ".agents-" + "b".repeat(20) + ".fleet.example.test";
        assertTrue(longName.length() > ReissueOperation.MAX_COMMON_NAME);
        // the agent's current CA-issued certificate names it by a long name too: a renewal carries its names over
        TestCa ca = TestCa.create(work.resolve("ca"), "Fleet CA");
        Path issued = Files.createDirectories(work.resolve("issued"));
        ca.issueFor(fleet.status("zeta").certificate().publicKey(), issued.resolve("zeta.crt"), "127.0.0.1", longName);
        var applied = fleet.applyCertificates(List.of("zeta"), ca.certificateFile(), issued, BatchMonitor.NONE);
        assertTrue(applied.allSucceeded(), applied.toString());
        OpensslSource source = new OpensslSource(ca, work.resolve("out"));

        BatchResult<AppliedCertificate> renewed = fleet.reissue(List.of("zeta"), ReissueOptions.KEEP_KEY, source,
                BatchMonitor.NONE);

        assertTrue(renewed.allSucceeded(), renewed.toString());
        assertEquals(List.of(List.of("127.0.0.1", longName)), source.names);
        Certificate certificate = renewed.values().get(0).certificate();
        assertEquals(certificate.sha256Fingerprint(), Openssl.servedFingerprint(work, zeta.port));
        // as openssl reads what the agent serves: the CN is the name that fits, the SAN has every name
        String text = Openssl.run(work, "x509", "-in", Files.writeString(work.resolve("served.pem"),
                certificate.pem()).toString(), "-noout", "-nameopt", "RFC2253", "-subject", "-ext", "subjectAltName");
        assertTrue(text.contains("subject=CN=127.0.0.1"), text);
        assertTrue(text.contains("IP Address:127.0.0.1, DNS:" + longName), text);
    }
}
