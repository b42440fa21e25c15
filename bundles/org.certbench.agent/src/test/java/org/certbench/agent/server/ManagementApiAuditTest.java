package org.certbench.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.certbench.agent.AgentLog;
import org.certbench.agent.Agents;
import org.certbench.agent.ConsoleClient;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.agent.state.IdentityStore;
import org.certbench.core.AuditEntry;
import org.certbench.crypto.HostIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, 5: a change made through the management API is audited as made by the calling console's certificate. */
class ManagementApiAuditTest {

    private static final String CONSOLE = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @TempDir
    Path state;

    @Test
    void selfSignedAndRekeyThroughTheApiAreAuditedWithTheConsolesFingerprint() throws Exception {
        AgentStateDirectory directory = AgentStateDirectory.open(state);
        CertificateManager certificates = new CertificateManager(new IdentityStore(directory),
                () -> new HostIdentity("agent01", "agent01.example.test", List.of()), Clock.systemUTC());
        ManagementApi api = new ManagementApi(certificates,
                new AgentLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        String first = certificates.certificate().sha256Fingerprint();

        HttpResponse rekeyed = api.handle(new HttpRequestHead("POST", "/api/v1/certificate/self-signed", "HTTP/1.1",
                Map.of()), "{\"rekey\":true}".getBytes(StandardCharsets.UTF_8), CONSOLE);
        HttpResponse refused = api.handle(new HttpRequestHead("POST", "/api/v1/certificate/apply", "HTTP/1.1",
                Map.of()), "{\"caCertificate\":\"x\",\"certificate\":\"y\"}".getBytes(StandardCharsets.UTF_8), CONSOLE);

        assertEquals(200, rekeyed.status());
        assertEquals(422, refused.status());
        List<AuditEntry> entries = directory.auditLog(Clock.systemUTC()).read(null).entries();
        assertEquals(List.of("certificate.rekey", "certificate.apply"),
                entries.stream().map(AuditEntry::action).toList());
        assertEquals(List.of(CONSOLE, CONSOLE), entries.stream().map(AuditEntry::who).toList());
        assertEquals(first, entries.get(0).before());
        assertEquals(certificates.certificate().sha256Fingerprint(), entries.get(0).after());
        assertEquals(List.of(true, false), entries.stream().map(AuditEntry::ok).toList());
    }

    @Test
    void aCallOverTlsIsAuditedWithTheFingerprintOfTheCertificateTheConsolePresented() throws Exception {
        ConsoleClient console = ConsoleClient.withCertificate("audited console");
        Agents.cli("console-authorize", "--state-dir", state.toString(), "--file",
                console.writeCertificate(state.resolveSibling(state.getFileName() + "-console.pem")).toString());
        try (Agents.Running agent = Agents.start(state)) {
            assertEquals(200, console.post(agent.port(), "/api/v1/certificate/self-signed", "{\"rekey\":true}").status());
        }
        List<AuditEntry> entries = AgentStateDirectory.open(state).auditLog(Clock.systemUTC()).read(null).entries();
        AuditEntry rekey = entries.get(entries.size() - 1);
        assertEquals("certificate.rekey", rekey.action());
        assertEquals(console.certificate().sha256Fingerprint().replace(":", "").toUpperCase(),
                rekey.who().replace(":", "").toUpperCase());
    }
}
