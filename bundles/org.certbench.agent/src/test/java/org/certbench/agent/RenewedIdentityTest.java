package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.certbench.agents.protocol.ApplyCertificateRequest;
import org.certbench.agents.protocol.ApplyCertificateResponse;
import org.certbench.agents.protocol.CsrResponse;
import org.certbench.agents.protocol.Json;
import org.certbench.crypto.CertificateKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent serves the pair it has just written without reading it back: the renewed certificate from the very
 * next handshake, a certificate another process applies afterwards from the handshake after that, and after a
 * restart whatever the file holds.
 */
class RenewedIdentityTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    @Test
    void aRenewalIsServedAtOnceALaterChangeByAnotherProcessTooAndTheLastOneSurvivesARestart() throws Exception {
        ConsoleClient console = ConsoleClient.withCertificate("console");
        Agents.cli("console-authorize", "--state-dir", state.toString(), "--file",
                console.writeCertificate(files.resolve("console.pem")).toString());
        MicroCa ca = MicroCa.create(files, "ca");
        String renewed;
        try (Agents.Running agent = Agents.start(state)) {
            String first = applyThroughTheApi(console, agent, ca, "first");
            assertEquals(first, console.handshakeFingerprint(agent.port()));
            assertEquals(first, fingerprintInTheFile());

            Path csr = files.resolve("by-cli.req");
            Agents.cli("certificate-create-csr", "--state-dir", state.toString(), "--out-file", csr.toString());
            Agents.CliResult applied = Agents.cli("certificate-apply", "--state-dir", state.toString(), "--ca-file",
                    ca.certificateFile().toString(), "--file", ca.issue(csr, "by-cli.crt").toString());
            assertEquals(0, applied.exitCode(), applied.stderr());
            String byCli = fingerprintInTheFile();
            assertEquals(byCli, console.handshakeFingerprint(agent.port()));

            renewed = applyThroughTheApi(console, agent, ca, "renewed");
            assertEquals(renewed, console.handshakeFingerprint(agent.port()));
            assertEquals(renewed, fingerprintInTheFile());
        }
        try (Agents.Running restarted = Agents.start(state)) {
            assertEquals(renewed, console.handshakeFingerprint(restarted.port()));
        }
    }

    private String applyThroughTheApi(ConsoleClient console, Agents.Running agent, MicroCa ca, String name)
            throws Exception {
        Path csr = files.resolve(name + ".req");
        Files.writeString(csr, CsrResponse.fromJson(console.post(agent.port(), "/api/v1/csr", "{}").json()).csr());
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/certificate/apply",
                Json.write(new ApplyCertificateRequest(Files.readString(ca.certificateFile()),
                        Files.readString(ca.issue(csr, name + ".crt")), false).toJson()));
        assertEquals(200, reply.status(), reply.body());
        return ApplyCertificateResponse.fromJson(reply.json()).certificate().sha256Fingerprint();
    }

    private String fingerprintInTheFile() throws Exception {
        Path file = state.resolve("identity.pem");
        byte[] content = Files.readAllBytes(file);
        return CertificateKeyPair.read(content, file.toString(), content, file.toString()).certificate()
                .sha256Fingerprint();
    }
}
