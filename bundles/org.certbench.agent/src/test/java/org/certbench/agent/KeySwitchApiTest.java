package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

import org.certbench.agents.protocol.ApplyCertificateRequest;
import org.certbench.agents.protocol.CertificateInfo;
import org.certbench.agents.protocol.CsrRequest;
import org.certbench.agents.protocol.CsrResponse;
import org.certbench.agents.protocol.Json;
import org.certbench.agents.protocol.KeySwitchRequest;
import org.certbench.agents.protocol.RekeyCsrRequest;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.PrivateKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Protocol 1.2's key switch through a real agent: a CSR with a new key of the type asked for, the previous pair kept
 * at the switch (0600), then confirmed (forgotten) or rolled back (in use again), each refused in words when it does
 * not apply.
 */
class KeySwitchApiTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    private Agents.Running agent;
    private ConsoleClient console;
    private MicroCa ca;

    @BeforeEach
    void start() throws Exception {
        agent = Agents.start(state);
        console = ConsoleClient.withCertificate("console");
        Agents.cli("console-authorize", "--state-dir", state.toString(), "--file",
                console.writeCertificate(files.resolve("console.pem")).toString());
        ca = MicroCa.create(files, "ca");
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void theNewKeyIsOfTheTypeAskedForAndAnUnknownTypeIsRefusedInWords() throws Exception {
        assertEquals(384, ecBits(rekeyCsr("P-384")));
        assertEquals(2048, ((RSAPublicKey) rekeyCsr("rsa 2048").getPublic()).getModulus().bitLength());
        assertEquals(256, ecBits(rekeyCsr(null)), "no key type: P-256, as on first use");

        Files.delete(state.resolve("pending-key.pem"));
        ConsoleClient.Reply refused = console.post(agent.port(), "/api/v1/csr/rekey",
                Json.write(new RekeyCsrRequest(CsrRequest.defaults(), "Ed25519").toJson()));
        assertEquals(422, refused.status());
        assertEquals("INVALID_INPUT", refused.errorCode());
        assertEquals("This agent makes no such key: 'Ed25519' is not a key type: write one of P-256, P-384, RSA 2048, "
                + "RSA 3072, RSA 4096.", refused.errorMessage());
        assertFalse(Files.exists(state.resolve("pending-key.pem")), "nothing made");
    }

    @Test
    void theSwitchKeepsThePreviousPairAndARollbackPutsItBackInUse() throws Exception {
        KeyPair before = identityKey();
        String served = console.handshakeFingerprint(agent.port());
        String applied = switchToNewKey();

        assertEquals(applied, console.handshakeFingerprint(agent.port()));
        Path previous = state.resolve("previous.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(previous)));
        assertEquals(before.getPublic(), PrivateKeys.read(previous).getPublic());

        ConsoleClient.Reply notInUse = console.post(agent.port(), "/api/v1/certificate/rollback",
                Json.write(new KeySwitchRequest(served).toJson()));
        assertEquals(422, notInUse.status());
        assertEquals("The certificate SHA-256 " + served + " is not in use (the agent serves SHA-256 " + applied
                + "): nothing changed.", notInUse.errorMessage());
        assertEquals(applied, console.handshakeFingerprint(agent.port()));

        ConsoleClient.Reply rolledBack = console.post(agent.port(), "/api/v1/certificate/rollback",
                Json.write(new KeySwitchRequest(applied).toJson()));
        assertEquals(200, rolledBack.status(), rolledBack.body());
        assertEquals(served, CertificateInfo.fromJson(rolledBack.json()).sha256Fingerprint());
        assertEquals(served, console.handshakeFingerprint(agent.port()));
        assertEquals(before.getPublic(), identityKey().getPublic());
        assertFalse(Files.exists(previous, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aConfirmationForgetsThePreviousPairAndNothingIsLeftToRollBackTo() throws Exception {
        String applied = switchToNewKey();

        ConsoleClient.Reply confirmed = console.post(agent.port(), "/api/v1/certificate/confirm",
                Json.write(new KeySwitchRequest(applied).toJson()));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertFalse(Files.exists(state.resolve("previous.pem"), LinkOption.NOFOLLOW_LINKS));

        ConsoleClient.Reply nothing = console.post(agent.port(), "/api/v1/certificate/rollback",
                Json.write(new KeySwitchRequest(applied).toJson()));
        assertEquals(422, nothing.status());
        assertEquals("The agent keeps no previous key and certificate to go back to: nothing changed.",
                nothing.errorMessage());
        assertEquals(applied, console.handshakeFingerprint(agent.port()));
    }

    @Test
    void theAdministratorRollsBackByHandAndTheAgentPresentsThePreviousCertificate() throws Exception {
        KeyPair before = identityKey();
        String served = console.handshakeFingerprint(agent.port());
        String applied = switchToNewKey();
        assertEquals(applied, console.handshakeFingerprint(agent.port()));

        // the console lost the agent after the switch: neither confirmed nor rolled back
        Agents.CliResult rolledBack = Agents.cli("certificate-rollback", "--state-dir", state.toString());
        assertEquals(0, rolledBack.exitCode(), rolledBack.stderr());
        assertTrue(rolledBack.stdout().startsWith("The previous certificate "), rolledBack.stdout());
        assertTrue(rolledBack.stdout().strip().endsWith("(SHA-256 " + served + ") and its key are in use again; a "
                + "running agent serves them from its next connection on."), rolledBack.stdout());
        assertEquals(served, console.handshakeFingerprint(agent.port()), "the running agent presents it");
        assertEquals(before.getPublic(), identityKey().getPublic());
        assertFalse(Files.exists(state.resolve("previous.pem"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Agents.cli("audit-list", "--state-dir", state.toString()).stdout().lines()
                .anyMatch(line -> line.contains("certificate.rollback") && line.contains(applied + " -> " + served)
                        && line.endsWith("ok")), "audited");

        Agents.CliResult nothing = Agents.cli("certificate-rollback", "--state-dir", state.toString());
        assertEquals(1, nothing.exitCode());
        assertEquals("", nothing.stdout());
        org.certbench.agents.protocol.JsonObject error = org.certbench.agents.protocol.JsonObject.parse(
                nothing.stderr()).object("error");
        assertEquals("NOT_FOUND", error.string("code"));
        assertEquals("There is no previous key and certificate to go back to (" + state.resolve("previous.pem")
                + " does not exist): nothing changed. The agent keeps one only from a switch to a new key until the "
                + "console confirms the new certificate.", error.string("message"));
        assertEquals(served, console.handshakeFingerprint(agent.port()));
    }

    @Test
    void aPreviousPairPlantedAsALinkIsNotFollowed() throws Exception {
        String applied = switchToNewKey();
        Path elsewhere = files.resolve("planted.pem");
        Files.move(state.resolve("previous.pem"), elsewhere);
        Files.createSymbolicLink(state.resolve("previous.pem"), elsewhere);

        ConsoleClient.Reply refused = console.post(agent.port(), "/api/v1/certificate/rollback",
                Json.write(new KeySwitchRequest(applied).toJson()));
        assertEquals(422, refused.status());
        assertEquals("The agent keeps no previous key and certificate to go back to: nothing changed.",
                refused.errorMessage());
        assertEquals(applied, console.handshakeFingerprint(agent.port()));
    }

    @Test
    void anExpiredPreviousCertificateIsNotPutBackAndOneNotValidYetIsWithAWarning() throws Exception {
        KeyPair before = identityKey();
        String applied = switchToNewKey();
        Path previous = state.resolve("previous.pem");
        Instant now = Instant.now();

        // the console lost the agent for longer than the previous certificate had left: by hand and by the
        // console's call, going back is refused in words and nothing changes
        Certificate expired = keepAsPrevious(before, ca.issue(before.getPublic(), now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), "expired.crt"));
        String refusal = "The previous certificate " + expired.subject() + " (SHA-256 " + expired.sha256Fingerprint()
                + ") expired on " + expired.notAfter() + ": going back to it would leave the agent serving a "
                + "certificate every console refuses. Nothing changed: the certificate in use stays, and " + previous
                + " is kept until the next switch to a new key (delete it to forget it).";
        Agents.CliResult byHand = Agents.cli("certificate-rollback", "--state-dir", state.toString());
        assertEquals(1, byHand.exitCode());
        assertEquals("", byHand.stdout());
        org.certbench.agents.protocol.JsonObject error = org.certbench.agents.protocol.JsonObject.parse(
                byHand.stderr()).object("error");
        assertEquals("INVALID_INPUT", error.string("code"));
        assertEquals(refusal, error.string("message"));
        ConsoleClient.Reply byConsole = console.post(agent.port(), "/api/v1/certificate/rollback",
                Json.write(new KeySwitchRequest(applied).toJson()));
        assertEquals(422, byConsole.status());
        assertEquals(refusal, byConsole.errorMessage());
        assertEquals(applied, console.handshakeFingerprint(agent.port()));
        assertTrue(Files.exists(previous, LinkOption.NOFOLLOW_LINKS), "kept");

        // not valid yet (this host's clock was set back since): put back, as it was in use, with a warning
        Certificate notYet = keepAsPrevious(before, ca.issue(before.getPublic(), now.plus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), "not-yet.crt"));
        Agents.CliResult warned = Agents.cli("certificate-rollback", "--state-dir", state.toString());
        assertEquals(0, warned.exitCode(), warned.stderr());
        assertTrue(warned.stdout().contains("(SHA-256 " + notYet.sha256Fingerprint() + ") and its key are in use "
                + "again"), warned.stdout());
        assertEquals("Warning: the certificate now in use again, " + notYet.subject() + " (SHA-256 "
                + notYet.sha256Fingerprint() + "), is not valid before " + notYet.notBefore() + ": consoles refuse it "
                + "until then. Check this host's clock.", warned.stderr().strip());
        assertEquals(notYet.sha256Fingerprint(), console.handshakeFingerprint(agent.port()));
        assertFalse(Files.exists(previous, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * The agent's previous pair, as a switch keeps it ({@code previous.pem}, 0600), with {@code certificateFile}'s
     * certificate for the key it held: a pair kept while its certificate's validity passed.
     */
    private Certificate keepAsPrevious(KeyPair key, Path certificateFile) throws Exception {
        Path previous = state.resolve("previous.pem");
        Files.writeString(previous, PrivateKeys.toPem(key.getPrivate()) + Files.readString(certificateFile));
        Files.setPosixFilePermissions(previous, PosixFilePermissions.fromString("rw-------"));
        return Certificates.read(certificateFile).certificate();
    }

    /** A CSR with a new key of {@code keyType}; the pending key, which the CSR is for. */
    private KeyPair rekeyCsr(String keyType) throws Exception {
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/csr/rekey",
                Json.write(new RekeyCsrRequest(CsrRequest.defaults(), keyType).toJson()));
        assertEquals(200, reply.status(), reply.body());
        KeyPair pending = PrivateKeys.read(state.resolve("pending-key.pem"));
        assertTrue(CertificationRequests.read(CsrResponse.fromJson(reply.json()).csr()
                .getBytes(StandardCharsets.US_ASCII), "csr").hasPublicKey(pending.getPublic()));
        assertNotEquals(identityKey().getPublic(), pending.getPublic());
        return pending;
    }

    /** A CSR with a new key, signed by the CA and applied; the applied certificate's fingerprint. */
    private String switchToNewKey() throws Exception {
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/csr/rekey", "{}");
        Path csr = Files.writeString(files.resolve("agent.req"), CsrResponse.fromJson(reply.json()).csr());
        String issued = Files.readString(ca.issue(csr, "agent.crt"));
        ConsoleClient.Reply applied = console.post(agent.port(), "/api/v1/certificate/apply", Json.write(
                new ApplyCertificateRequest(Files.readString(ca.certificateFile()), issued, false).toJson()));
        assertEquals(200, applied.status(), applied.body());
        return CertificateInfo.fromJson(applied.json().object("certificate")).sha256Fingerprint();
    }

    private KeyPair identityKey() throws Exception {
        return PrivateKeys.read(state.resolve("identity.pem"));
    }

    private static int ecBits(KeyPair pair) {
        return ((ECPublicKey) pair.getPublic()).getParams().getCurve().getField().getFieldSize();
    }
}
