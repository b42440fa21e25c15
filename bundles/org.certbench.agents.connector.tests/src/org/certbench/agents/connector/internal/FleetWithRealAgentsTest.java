package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.agents.connector.TrustChange;
import org.certbench.agents.connector.TrustState;
import org.certbench.agents.connector.VerifiedCertificate;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second seed end to end against real {@code certbench-agent} processes on 127.0.0.1, with openssl as the
 * CA and as the independent client that confirms what the agents serve.
 */
class FleetWithRealAgentsTest {

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
                new FleetOptions(8, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
    }

    /** Starts the agents and authorises the fleet's console certificate on each, as an administrator would. */
    private List<RunningAgent> start(FileAgentFleet fleet, String... names) throws Exception {
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        List<RunningAgent> started = new ArrayList<>();
        for (String name : names) {
            RunningAgent agent = RunningAgent.start(name, work);
            agents.add(agent);
            agent.authorize(consolePem);
            started.add(agent);
        }
        return started;
    }

    @Test
    void theSecondSeedFromAddToSelfSigned() throws Exception {
        FileAgentFleet fleet = fleet();
        List<RunningAgent> running = start(fleet, "alpha", "beta", "gamma", "db 02");
        RunningAgent alpha = running.get(0);
        RunningAgent beta = running.get(1);
        RunningAgent gamma = running.get(2);
        RunningAgent db02 = running.get(3);
        List<String> all = List.of("alpha", "beta", "gamma", "db 02");

        // add: trusted, the fingerprint shown is the one openssl sees
        Map<String, Certificate> added = new java.util.HashMap<>();
        for (RunningAgent agent : running) {
            AgentStatus status = fleet.add(agent.name, "127.0.0.1", agent.port, null);
            assertEquals(TrustState.TRUSTED, status.state(), agent.name + ": " + status.reason());
            assertEquals(Openssl.servedFingerprint(work, agent.port), status.certificate().sha256Fingerprint());
            added.put(agent.name, status.certificate());
        }
        FleetException mismatch = assertThrows(FleetException.class, () -> fleet.add("alpha again", "127.0.0.1",
                alpha.port, added.get("beta").sha256Fingerprint().replace(":", "").toLowerCase()));
        assertTrue(mismatch.getMessage().contains("not the expected"), mismatch.getMessage());
        assertEquals(4, fleet.list().size(), "a refused add stores nothing");

        // rekey behind the console's back: untrusted, and every management call refused, saying why
        alpha.cli("certificate-apply-self-signed", "--rekey");
        AgentStatus changed = fleet.status("alpha");
        assertEquals(TrustState.UNTRUSTED, changed.state());
        assertTrue(changed.reason().contains("not the one pinned"), changed.reason());
        Path csrs = work.resolve("csrs");
        BatchResult<CsrFile> refused = fleet.generateCsrs(List.of("alpha"), CsrSubject.NONE, csrs, BatchMonitor.NONE);
        assertEquals(AgentResult.Outcome.FAILED, refused.results().get(0).outcome());
        assertTrue(refused.results().get(0).message().contains("untrusted"), refused.results().get(0).message());
        assertFalse(Files.exists(csrs.resolve("alpha.csr")));

        // trust: the old and the new certificate side by side
        TrustChange trusted = fleet.trust(List.of("alpha"), BatchMonitor.NONE).values().get(0);
        assertEquals(TrustChange.Kind.PINNED_CERTIFICATE, trusted.kind());
        assertEquals(added.get("alpha"), trusted.previous());
        assertEquals(changed.certificate(), trusted.trusted());
        assertEquals(TrustState.TRUSTED, fleet.status("alpha").state());
        Certificate alphaSelfSigned = trusted.trusted();

        // CSRs for all, named after the agents, the space made safe
        BatchResult<CsrFile> generated = fleet.generateCsrs(all, new CsrSubject("Example Org", "Ops", "DE", "", ""),
                csrs, BatchMonitor.NONE);
        assertTrue(generated.allSucceeded(), generated.toString());
        Map<String, Path> csrFiles = generated.values().stream().collect(Collectors.toMap(CsrFile::agent, CsrFile::file));
        assertEquals(csrs.resolve("alpha.csr"), csrFiles.get("alpha"));
        String db02Csr = csrFiles.get("db 02").getFileName().toString();
        assertTrue(db02Csr.startsWith("db_02-") && db02Csr.endsWith(".csr") && !db02Csr.contains(" "), db02Csr);
        assertTrue(generated.values().get(0).subject().contains("O=Example Org"), generated.values().get(0).subject());

        // the CA signs them with the seed's command; the directory holds three kinds of wrong file
        TestCa ca = TestCa.create(work.resolve("ca"), "Fleet Test CA");
        TestCa otherCa = TestCa.create(work.resolve("other-ca"), "Other CA");
        Path issued = Files.createDirectories(work.resolve("issued"));
        Path alphaPem = ca.issue(csrFiles.get("alpha"), work.resolve("alpha-issued.pem"));
        Openssl.run(work, "x509", "-in", alphaPem.toString(), "-outform", "DER", "-out",
                issued.resolve("renamed-alpha.cer").toString());
        Files.copy(alphaPem, issued.resolve("beta.crt")); // for the wrong agent
        otherCa.issue(csrFiles.get("gamma"), issued.resolve("gamma.crt")); // from the wrong CA
        ca.issue(fleet.status("db 02").certificate().publicKey(), Instant.now().minus(Duration.ofDays(20)),
                Instant.now().minus(Duration.ofDays(1)), issued.resolve("db 02.pem")); // expired
        Files.writeString(issued.resolve("junk.pem"), "not a certificate\n");

        BatchResult<VerifiedCertificate> verified = fleet.verifyCertificates(all, ca.certificateFile(), issued,
                BatchMonitor.NONE);
        Map<String, AgentResult<VerifiedCertificate>> byAgent = byAgent(verified);
        assertTrue(byAgent.get("alpha").succeeded(), byAgent.get("alpha").message());
        assertEquals(Certificates.read(alphaPem).certificate(), byAgent.get("alpha").value().certificate());
        assertMessage(byAgent.get("beta"), "beta.crt is the certificate of agent 'alpha'");
        assertMessage(byAgent.get("gamma"), "gamma.crt: issued by CN=Other CA, not by the CA CN=Fleet Test CA");
        assertMessage(byAgent.get("db 02"), "db 02.pem: expired on");
        assertTrue(verified.notices().stream().anyMatch(notice -> notice.startsWith("junk.pem was ignored")),
                verified.notices().toString());

        // apply: the verified one goes through; the others are fixed and retried, only they
        BatchResult<AppliedCertificate> firstApply = fleet.applyCertificates(all, ca.certificateFile(), issued,
                BatchMonitor.NONE);
        assertEquals(List.of("beta", "gamma", "db 02"), firstApply.toRetry());
        Files.delete(issued.resolve("beta.crt"));
        ca.issue(csrFiles.get("beta"), issued.resolve("beta.crt"));
        ca.issue(csrFiles.get("gamma"), issued.resolve("gamma.crt"));
        ca.issue(csrFiles.get("db 02"), issued.resolve("db 02.pem"));
        BatchResult<AppliedCertificate> retried = fleet.applyCertificates(firstApply.toRetry(), ca.certificateFile(),
                issued, BatchMonitor.NONE);
        assertTrue(retried.allSucceeded(), retried.toString());
        assertEquals(List.of("beta", "gamma", "db 02"), retried.results().stream().map(AgentResult::agent).toList());

        // openssl s_client sees the new certificates, and the console trusts them through the CA
        List<AppliedCertificate> applied = new ArrayList<>(firstApply.values());
        applied.addAll(retried.values());
        for (AppliedCertificate certificate : applied) {
            RunningAgent agent = running.stream().filter(a -> a.name.equals(certificate.agent())).findFirst().orElseThrow();
            assertEquals(certificate.certificate().sha256Fingerprint(), Openssl.servedFingerprint(work, agent.port));
            AgentStatus status = fleet.status(agent.name);
            assertEquals(TrustState.TRUSTED, status.state(), status.reason());
            assertFalse(status.certificate().isSelfSigned());
        }

        // self-signed: use existing (alpha's pinned one comes back) and rekey (beta gets a new pinned one)
        SelfSignedChange restored = fleet.applySelfSigned(List.of("alpha"), false, BatchMonitor.NONE).values().get(0);
        assertEquals(SelfSignedChange.Outcome.RESTORED, restored.outcome());
        assertEquals(alphaSelfSigned, restored.certificate());
        SelfSignedChange rekeyed = fleet.applySelfSigned(List.of("beta"), true, BatchMonitor.NONE).values().get(0);
        assertEquals(SelfSignedChange.Outcome.REKEYED, rekeyed.outcome());
        assertNotEquals(added.get("beta"), rekeyed.certificate());
        assertEquals(rekeyed.certificate().sha256Fingerprint(), Openssl.servedFingerprint(work, beta.port));
        assertEquals(TrustState.TRUSTED, fleet.status("alpha").state());
        assertEquals(TrustState.TRUSTED, fleet.status("beta").state());

        // a change behind the console's back after all that: untrusted and refused
        gamma.cli("certificate-apply-self-signed", "--rekey");
        AgentResult<SelfSignedChange> refusedGamma = fleet.applySelfSigned(List.of("gamma"), false, BatchMonitor.NONE)
                .results().get(0);
        assertMessage(refusedGamma, "Refused: agent 'gamma' is untrusted");
        assertEquals(TrustState.UNTRUSTED, fleet.status("gamma").state());

        // a restart of the console reads the same trust back
        FileAgentFleet again = fleet();
        assertEquals(TrustState.TRUSTED, again.status("db 02").state());
        assertEquals(TrustState.TRUSTED, again.status("alpha").state());
        assertEquals(TrustState.UNTRUSTED, again.status("gamma").state());
        assertTrue(db02.port > 0);
    }

    @Test
    void anAgentThatIsDownIsReportedUnreachableAndARetryAfterItIsBackSucceeds() throws Exception {
        FileAgentFleet fleet = fleet();
        List<RunningAgent> running = start(fleet, "up", "down");
        for (RunningAgent agent : running) {
            fleet.add(agent.name, "127.0.0.1", agent.port, null);
        }
        RunningAgent down = running.get(1);
        down.stop();

        AgentStatus unreachable = byAgent(fleet.refresh(List.of("up", "down"), BatchMonitor.NONE)).get("down").value();
        assertEquals(TrustState.UNREACHABLE, unreachable.state());
        assertTrue(unreachable.reason().contains("connection refused"), unreachable.reason());

        Path csrs = work.resolve("csrs");
        BatchResult<CsrFile> first = fleet.generateCsrs(List.of("up", "down"), CsrSubject.NONE, csrs, BatchMonitor.NONE);
        assertEquals(List.of("down"), first.toRetry());
        assertMessage(first.failed().get(0), "connection refused");

        down.start();
        BatchResult<CsrFile> retry = fleet.generateCsrs(first.toRetry(), CsrSubject.NONE, csrs, BatchMonitor.NONE);
        assertTrue(retry.allSucceeded(), retry.toString());
        assertTrue(Files.exists(csrs.resolve("down.csr")));
    }

    @Test
    void anAgentThatDoesNotAcceptThisConsoleIsReportedWithTheWayToAuthoriseIt() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent stranger = RunningAgent.start("stranger", work);
        agents.add(stranger);
        assertEquals(TrustState.TRUSTED, fleet.add("stranger", "127.0.0.1", stranger.port, null).state(),
                "the status needs no authorisation: it is the TLS handshake");

        AgentResult<CsrFile> refused = fleet.generateCsrs(List.of("stranger"), CsrSubject.NONE, work.resolve("csrs"),
                BatchMonitor.NONE).results().get(0);
        assertMessage(refused, "certbench-agent console-authorize");
    }

    private static <T> Map<String, AgentResult<T>> byAgent(BatchResult<T> batch) {
        return batch.results().stream().collect(Collectors.toMap(AgentResult::agent, result -> result));
    }

    private static void assertMessage(AgentResult<?> result, String expected) {
        assertFalse(result.succeeded(), result.agent() + " should have failed");
        assertTrue(result.message() != null && result.message().contains(expected),
                result.agent() + ": expected \"" + expected + "\" in: " + result.message());
    }
}
