package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.SelfSignedChange;
import org.certbench.agents.connector.TrustChange;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, 5: the fleet's changes to real agents each leave an entry in the console's audit log. */
class FleetAuditTest {

    @TempDir
    Path work;

    private final List<RunningAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (RunningAgent agent : agents) {
            agent.stop();
        }
    }

    @Test
    void addRefusedAddRekeyAndRemoveAreAuditedWithFingerprints() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        RunningAgent alpha = RunningAgent.start("alpha", work);
        agents.add(alpha);
        alpha.authorize(consolePem);

        AgentStatus added = fleet.add("alpha", "127.0.0.1", alpha.port, null);
        assertThrows(FleetException.class, () -> fleet.add("alpha again", "127.0.0.1", alpha.port,
                "00".repeat(32)));
        SelfSignedChange rekeyed = fleet.applySelfSigned(List.of("alpha"), true, BatchMonitor.NONE).values().get(0);
        fleet.remove("alpha");

        List<AuditEntry> entries = new AuditLog(work.resolve("home/audit"), null, Clock.systemUTC()).read(null)
                .entries();
        assertEquals(List.of("agent.add", "agent.add", "agent.rekey", "agent.remove"),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of("alpha", "alpha again", "alpha", "alpha"),
                entries.stream().map(AuditEntry::object).toList());
        assertEquals(List.of(true, false, true, true), entries.stream().map(AuditEntry::ok).toList());
        String first = added.certificate().sha256Fingerprint();
        assertEquals(first, entries.get(0).after());
        assertEquals(first, entries.get(2).before());
        assertEquals(rekeyed.certificate().sha256Fingerprint(), entries.get(2).after());
        assertEquals(rekeyed.certificate().sha256Fingerprint(), entries.get(3).before());
    }

    @Test
    void trustingAChangedCertificateAndApplyingIssuedOnesAreAuditedWithFingerprints() throws Exception {
        FileAgentFleet fleet = fleet();
        RunningAgent alpha = authorizedAgent(fleet, "alpha");
        RunningAgent beta = authorizedAgent(fleet, "beta");
        AgentStatus added = fleet.add("alpha", "127.0.0.1", alpha.port, null);
        fleet.add("beta", "127.0.0.1", beta.port, null);
        alpha.cli("certificate-apply-self-signed", "--rekey"); // behind the console's back

        TrustChange trusted = fleet.trust(List.of("alpha"), BatchMonitor.NONE).values().get(0);
        Path csrs = work.resolve("csrs");
        List<CsrFile> generated = fleet.generateCsrs(List.of("alpha", "beta"), CsrSubject.NONE, csrs,
                BatchMonitor.NONE).values();
        TestCa ca = TestCa.create(work.resolve("ca"), "Audit Test CA");
        TestCa otherCa = TestCa.create(work.resolve("other-ca"), "Other CA");
        Path issued = java.nio.file.Files.createDirectories(work.resolve("issued"));
        ca.issue(generated.get(0).file(), issued.resolve("alpha.pem"));
        otherCa.issue(generated.get(1).file(), issued.resolve("beta.pem")); // from the wrong CA: refused
        List<AgentResult<AppliedCertificate>> applied = fleet.applyCertificates(List.of("alpha", "beta"),
                ca.certificateFile(), issued, BatchMonitor.NONE).results();

        List<AuditEntry> entries = new AuditLog(work.resolve("home/audit"), null, Clock.systemUTC()).read(null)
                .entries();
        assertEquals(List.of("agent.add", "agent.add", "agent.trust", "agent.apply", "agent.apply"),
                entries.stream().map(AuditEntry::action).toList());
        AuditEntry trust = entries.get(2);
        assertEquals("alpha", trust.object());
        assertEquals(added.certificate().sha256Fingerprint(), trust.before());
        assertEquals(trusted.trusted().sha256Fingerprint(), trust.after());
        assertEquals(true, trust.ok());
        AuditEntry alphaApplied = entries.stream().filter(entry -> entry.action().equals("agent.apply")
                && entry.object().equals("alpha")).findFirst().orElseThrow();
        assertEquals(true, alphaApplied.ok(), String.valueOf(alphaApplied.message()));
        assertEquals(trusted.trusted().sha256Fingerprint(), alphaApplied.before());
        assertEquals(applied.stream().filter(result -> result.agent().equals("alpha")).findFirst().orElseThrow()
                .value().certificate().sha256Fingerprint(), alphaApplied.after());
        AuditEntry betaRefused = entries.stream().filter(entry -> entry.action().equals("agent.apply")
                && entry.object().equals("beta")).findFirst().orElseThrow();
        assertEquals(false, betaRefused.ok());
        assertEquals(null, betaRefused.after());
        assertEquals(true, betaRefused.message().contains("issued by CN=Other CA, not by the CA CN=Audit Test CA"),
                betaRefused.message());
    }

    private FileAgentFleet fleet() throws Exception {
        return new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
    }

    private RunningAgent authorizedAgent(FileAgentFleet fleet, String name) throws Exception {
        Path consolePem = work.resolve("console.pem");
        if (!java.nio.file.Files.exists(consolePem)) {
            fleet.exportConsoleCertificate(consolePem);
        }
        RunningAgent agent = RunningAgent.start(name, work);
        agents.add(agent);
        agent.authorize(consolePem);
        return agent;
    }
}
