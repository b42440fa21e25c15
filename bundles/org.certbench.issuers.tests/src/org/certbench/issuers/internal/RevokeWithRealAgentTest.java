package org.certbench.issuers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CsrFile;
import org.certbench.agents.connector.CsrSubject;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.internal.commands.IssuerRow;
import org.certbench.issuers.internal.commands.RevokeOutcome;
import org.certbench.testing.servers.AgentJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Revocation as an administrator meets it, in OSGi with the real services (the fleet, the issuers, Gogo) and a real
 * {@code certbench-agent} on 127.0.0.1: an agent on a certificate of the local CA, its key pinned, is untrusted
 * "revoked on …" once {@code agent:revoke} has run.
 */
class RevokeWithRealAgentTest {

    private final BundleContext context = FrameworkUtil.getBundle(RevokeWithRealAgentTest.class).getBundleContext();
    private final List<Process> agents = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopAgents() throws InterruptedException {
        for (Process agent : agents) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aRevokedAgentIsUntrustedThoughItsKeyIsPinned() throws Exception {
        AgentFleet fleet = service(AgentFleet.class);
        Issuers issuers = service(Issuers.class);
        String name = "revoked-" + System.nanoTime();
        fleet.add(name, "127.0.0.1", startAgent(fleet, name), null);

        IssuedChain chain = onLocalCertificate(fleet, issuers, name);
        AgentStatus before = fleet.status(name);
        assertEquals(TrustState.TRUSTED, before.state(), before.toString());
        assertEquals(chain.certificate(), before.certificate());
        assertEquals(issuers.get("local"), issuers.issuerOf(before.certificate()).orElseThrow());

        try (CommandSession session = service(CommandProcessor.class).createSession(System.in, System.out,
                System.err)) {
            Object revoked = session.execute("agent:revoke " + name);

            RevokeOutcome line = (RevokeOutcome) ((List<?>) revoked).get(0);
            assertEquals("ok", line.result(), line.toString());
            assertTrue(line.detail().startsWith("revoked " + chain.certificate().subject() + " (serial "
                    + chain.certificate().serialNumber().toString(16) + ") at local on "), line.detail());
        }

        AgentStatus after = fleet.status(name);
        assertEquals(TrustState.UNTRUSTED, after.state());
        assertEquals("its certificate was revoked on " + LocalDate.now(ZoneOffset.UTC) + ".", after.reason());
        assertTrue(after.agent().hasPinnedKey(after.certificate()), "the key is still pinned");
        assertTrue(issuers.get("local").caCertificates().get(0).equals(after.agent().trustedCa()),
                "the CA is still trusted");
    }

    @Test
    void anAgentOnASelfSignedCertificateCannotBeRevokedHere() throws Exception {
        AgentFleet fleet = service(AgentFleet.class);
        String name = "self-signed-" + System.nanoTime();
        fleet.add(name, "127.0.0.1", startAgent(fleet, name), null);
        Certificate presented = fleet.status(name).certificate();

        try (CommandSession session = service(CommandProcessor.class).createSession(System.in, System.out,
                System.err)) {
            Exception e = assertThrows(Exception.class, () -> session.execute("agent:revoke " + name + " nobody"));

            assertEquals("revoke: 2 of 2 agents failed" + System.lineSeparator() + "  " + name
                    + ": failed - its certificate " + presented.subject() + " (issued by " + presented.issuer()
                    + ") was not issued by any issuer of this console, so it cannot be revoked here"
                    + System.lineSeparator() + "  nobody: failed - " + assertThrows(Exception.class,
                            () -> fleet.get("nobody")).getMessage(), e.getMessage());
        }
        assertEquals(TrustState.TRUSTED, fleet.status(name).state());
    }

    @Test
    void theIssuerCommandsListShowAndExportTheLocalCa() throws Exception {
        Issuers issuers = service(Issuers.class);
        try (CommandSession session = service(CommandProcessor.class).createSession(System.in, System.out,
                System.err)) {
            Path file = work.resolve("local-ca.pem");
            Object exported = session.execute("issuer:export local " + file);

            Certificate ca = issuers.get("local").caCertificates().get(0);
            assertEquals(ca.pem(), Files.readString(file));
            assertEquals("wrote the CA certificate of local to " + file + " (" + ca.sha256Fingerprint() + ")",
                    exported);
            IssuerRow row = ((List<?>) session.execute("issuer:list")).stream().map(IssuerRow.class::cast)
                    .filter(r -> r.name().equals("local")).findFirst().orElseThrow();
            assertEquals(new IssuerRow("local", "agent,host", ca.commonName(), "yes", issuers.get("local").description()),
                    row);
            assertTrue(row.description().startsWith("CertBench CA in "), row.description());
            Path siteCa = work.resolve("site-ca.pem");
            Files.writeString(siteCa, ca.pem());
            Object added = session.execute("issuer:command shell-site --ca " + siteCa
                    + " openssl x509 -req -in \"{csr}\" -out \"{cert}\" -days 1");
            assertEquals("added the command issuer shell-site: command: openssl x509 -req -in {csr} -out {cert} -days 1",
                    added);
            assertTrue(((List<?>) session.execute("issuer:list")).stream().map(IssuerRow.class::cast)
                    .anyMatch(r -> r.name().equals("shell-site") && r.canRevoke().equals("no")));
            assertEquals("removed the issuer shell-site", session.execute("issuer:remove shell-site"));
            Exception noCa = assertThrows(Exception.class,
                    () -> session.execute("issuer:command x openssl \"{csr}\" \"{cert}\""));
            assertEquals("Give the CA certificate the program's certificates chain to with --ca CA.pem.",
                    noCa.getMessage());
            Exception unknown = assertThrows(Exception.class, () -> session.execute("issuer:show nope"));
            assertEquals("There is no issuer named 'nope'; the issuers are: local.", unknown.getMessage());
            Exception local = assertThrows(Exception.class, () -> session.execute("issuer:remove local"));
            assertTrue(local.getMessage().startsWith("The issuer local is neither a command nor an ACME issuer and cannot be removed"),
                    local.getMessage());
        }
    }

    /** Puts the agent on a certificate of the local CA, as the console's flow does (CSR, issue, apply). */
    private IssuedChain onLocalCertificate(AgentFleet fleet, Issuers issuers, String name) throws Exception {
        BatchResult<CsrFile> csrs = fleet.generateCsrs(List.of(name), CsrSubject.NONE,
                Files.createDirectories(work.resolve("csr-" + name)), BatchMonitor.NONE);
        assertTrue(csrs.allSucceeded(), csrs.toString());
        CertificationRequest csr = CertificationRequests.read(csrs.values().get(0).file());
        List<String> names = new ArrayList<>();
        names.add(csr.subject().substring("CN=".length()));
        csr.subjectAlternativeNames().forEach(san -> names.add(san.substring(san.indexOf(':') + 1)));
        names.add("127.0.0.1");
        IssuedChain chain = issuers.get("local").issue(csr, IssueRequest.of(IssueKind.AGENT, names.stream().distinct()
                .toList()), IssueMonitor.NONE);
        Path issued = Files.createDirectories(work.resolve("issued-" + name));
        Files.writeString(issued.resolve(name + ".crt"), chain.certificate().pem());
        Path caFile = Files.writeString(work.resolve("ca-" + name + ".pem"), chain.chain().get(0).pem());
        var applied = fleet.applyCertificates(List.of(name), caFile, issued, BatchMonitor.NONE);
        assertTrue(applied.allSucceeded(), applied.toString());
        return chain;
    }

    @Test
    void anUntrustedCertificateOfOurCaAtTheAgentsAddressIsNotRevoked() throws Exception {
        AgentFleet fleet = service(AgentFleet.class);
        Issuers issuers = service(Issuers.class);
        String other = "other-" + System.nanoTime();
        fleet.add(other, "127.0.0.1", startAgent(fleet, other), null);
        IssuedChain othersCertificate = onLocalCertificate(fleet, issuers, other);
        String name = "moved-" + System.nanoTime();
        int port = startAgent(fleet, name);
        fleet.add(name, "127.0.0.1", port, null);
        // the other agent now answers at this agent's address: a certificate of our CA, not trusted for this agent
        stopAgents();
        agents.clear();
        startAgentAt(work.resolve("agent-" + other), port, other + "-moved");
        AgentStatus status = fleet.status(name);
        assertEquals(TrustState.UNTRUSTED, status.state(), status.toString());
        assertEquals(othersCertificate.certificate(), status.certificate());

        try (CommandSession session = service(CommandProcessor.class).createSession(System.in, System.out,
                System.err)) {
            Exception e = assertThrows(Exception.class, () -> session.execute("agent:revoke " + name));

            assertEquals("revoke: 1 of 1 agent failed" + System.lineSeparator() + "  " + name
                    + ": failed - what answers at its address is not trusted for it (" + status.reason()
                    + "), so nothing is revoked: only the certificate an agent is trusted on, or the one pinned for it"
                    + " while it cannot be reached, is revoked here", e.getMessage());
        }
        assertEquals(java.util.Optional.empty(), issuers.revokedAt(othersCertificate.certificate()));
    }

    private int startAgent(AgentFleet fleet, String name) throws Exception {
        Path consolePem = work.resolve("console.pem");
        fleet.exportConsoleCertificate(consolePem);
        Path state = work.resolve("agent-" + name);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run("console-authorize", "--state-dir", state.toString(), "--file", consolePem.toString());
        startAgentAt(state, port, name);
        return port;
    }

    private void startAgentAt(Path state, int port, String logName) throws Exception {
        Path log = work.resolve(logName + ".log");
        Process process = new ProcessBuilder(AgentJvm.command("run", "--state-dir", state.toString(), "--bind",
                "127.0.0.1", "--port", Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        agents.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("started: listening")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the agent did not start: " + Files.readString(log));
    }

    private static void run(String... arguments) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(AgentJvm.command(arguments)).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("certbench-agent " + List.of(arguments) + " failed:\n" + output);
        }
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
