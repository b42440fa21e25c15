package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.TrustChange;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate of the CA trusted for an agent is trusted for that agent only — it names the agent's host or
 * carries the key pinned for it — with real {@code certbench-agent} processes on 127.0.0.1 and one CA for the
 * whole fleet, the usual case.
 */
class AgentBindingWithRealAgentsTest {

    @TempDir
    Path work;

    private final List<RunningAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (RunningAgent agent : agents) {
            agent.stop();
        }
    }

    private FileAgentFleet fleet(String home) throws Exception {
        return new FileAgentFleet(work.resolve(home + "/agents"), work.resolve(home + "/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
    }

    private RunningAgent start(FileAgentFleet fleet, String name) throws Exception {
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        RunningAgent agent = RunningAgent.start(name, work);
        agents.add(agent);
        agent.authorize(consolePem);
        return agent;
    }

    @Test
    void twoAgentsOfOneCaPresentingEachOthersCertificateAreUntrustedSayingForWhomItWasIssued() throws Exception {
        FileAgentFleet fleet = fleet("home");
        RunningAgent alpha = start(fleet, "alpha");
        RunningAgent beta = start(fleet, "beta");
        fleet.add("alpha", "127.0.0.1", alpha.port, null);
        fleet.add("beta", "localhost", beta.port, null);

        TestCa ca = TestCa.create(work.resolve("ca"), "Fleet CA");
        Path issued = Files.createDirectories(work.resolve("issued"));
        ca.issueFor(fleet.status("alpha").certificate().publicKey(), issued.resolve("alpha.crt"), "alpha.fleet.test",
                "127.0.0.1");
        ca.issueFor(fleet.status("beta").certificate().publicKey(), issued.resolve("beta.crt"), "beta.fleet.test",
                "localhost");
        var applied = fleet.applyCertificates(List.of("alpha", "beta"), ca.certificateFile(), issued,
                BatchMonitor.NONE);
        assertTrue(applied.allSucceeded(), applied.toString());
        assertEquals(TrustState.TRUSTED, fleet.status("alpha").state());
        assertEquals(TrustState.TRUSTED, fleet.status("beta").state());

        // each agent's files copied to the other's address: the same CA signed both, so only the binding tells
        alpha.stop();
        beta.stop();
        agents.add(RunningAgent.startWith("alpha-at-beta", alpha.stateDirectory, beta.port, work));
        agents.add(RunningAgent.startWith("beta-at-alpha", beta.stateDirectory, alpha.port, work));

        AgentStatus atAlpha = fleet.status("alpha");
        assertEquals(Openssl.servedFingerprint(work, alpha.port), atAlpha.certificate().sha256Fingerprint());
        assertEquals(TrustState.UNTRUSTED, atAlpha.state());
        assertEquals("its certificate was issued by 'Fleet CA' for 'beta.fleet.test, localhost', not for this agent: "
                + "it names neither 127.0.0.1 nor carries the key pinned for it.", atAlpha.reason());
        AgentStatus atBeta = fleet.status("beta");
        assertEquals(TrustState.UNTRUSTED, atBeta.state());
        assertEquals("its certificate was issued by 'Fleet CA' for 'alpha.fleet.test, 127.0.0.1', not for this agent: "
                + "it names neither localhost nor carries the key pinned for it.", atBeta.reason());

        // and no request reaches the impostors
        Path csrs = work.resolve("csrs");
        BatchResult<CsrFile> refused = fleet.generateCsrs(List.of("alpha", "beta"), CsrSubject.NONE, csrs,
                BatchMonitor.NONE);
        assertEquals(List.of("alpha", "beta"), refused.toRetry());
        assertTrue(refused.results().get(0).message().startsWith("Refused: agent 'alpha' is untrusted, its "
                + "certificate was issued by 'Fleet CA' for 'beta.fleet.test, localhost', not for this agent"),
                refused.results().get(0).message());
        assertFalse(Files.exists(csrs.resolve("alpha.csr")));
    }

    @Test
    void anAgentReachedAtAnAddressItsCertificateDoesNotNameIsTrustedByItsPinnedKeyAlsoAfterARenewal()
            throws Exception {
        FileAgentFleet fleet = fleet("home");
        RunningAgent gamma = start(fleet, "gamma");
        fleet.add("gamma", "127.0.0.1", gamma.port, null);
        Certificate selfSigned = fleet.status("gamma").certificate();

        TestCa ca = TestCa.create(work.resolve("ca"), "Fleet CA");
        Path issued = Files.createDirectories(work.resolve("issued"));
        Path first = ca.issueFor(selfSigned.publicKey(), issued.resolve("gamma.crt"), "gamma.fleet.test");
        assertTrue(fleet.applyCertificates(List.of("gamma"), ca.certificateFile(), issued, BatchMonitor.NONE)
                .allSucceeded());
        AgentStatus applied = fleet.status("gamma");
        assertEquals(Certificates.read(first).certificate(), applied.certificate());
        assertFalse(applied.certificate().namesHost("127.0.0.1"), "only gamma.fleet.test is named");
        assertEquals(TrustState.TRUSTED, applied.state(), applied.reason());
        assertEquals(selfSigned.publicKeySha256Fingerprint(), fleet.get("gamma").pinnedKey());

        // renewed by the agent's administrator with the same key, behind the console's back: still trusted
        Path renewed = ca.issueFor(selfSigned.publicKey(), work.resolve("renewed.crt"), "gamma.fleet.test");
        gamma.cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file", renewed.toString());
        AgentStatus afterRenewal = fleet.status("gamma");
        assertEquals(Certificates.read(renewed).certificate(), afterRenewal.certificate());
        assertEquals(TrustState.TRUSTED, afterRenewal.state(), afterRenewal.reason());

        // an inventory from before key pins trusts only the CA: untrusted, saying how to pin the key; trusting the
        // fingerprint shown pins it
        new AgentStore(work.resolve("old-home/agents")).write(new AgentEntry("gamma", "127.0.0.1", gamma.port,
                Instant.now(), null, Certificates.read(ca.certificateFile()).certificate(), null));
        FileAgentFleet upgraded = fleet("old-home");
        AgentStatus old = upgraded.status("gamma");
        assertEquals(TrustState.UNTRUSTED, old.state());
        String shown = old.certificate().sha256Fingerprint();
        assertTrue(old.reason().endsWith("compare its SHA-256 fingerprint " + shown + " out of band, then pin its "
                + "key: Trust this certificate, or in the shell agent:trust --fingerprint " + shown + " \"gamma\"."),
                old.reason());
        AgentResult<TrustChange> pinned = upgraded.trustConfirmed(Map.of("gamma", shown), BatchMonitor.NONE)
                .results().get(0);
        assertTrue(pinned.succeeded(), pinned.message());
        assertEquals(TrustChange.Kind.TRUSTED_CA, pinned.value().kind());
        assertNull(pinned.message());
        assertEquals(TrustState.TRUSTED, fleet("old-home").status("gamma").state());
    }
}
