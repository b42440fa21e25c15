package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.certbench.agents.protocol.ApplyCertificateRequest;
import org.certbench.agents.protocol.ApplyCertificateResponse;
import org.certbench.agents.protocol.ApplySelfSignedRequest;
import org.certbench.agents.protocol.ApplySelfSignedResponse;
import org.certbench.agents.protocol.CertificateInfo;
import org.certbench.agents.protocol.CsrRequest;
import org.certbench.agents.protocol.CsrResponse;
import org.certbench.agents.protocol.Json;
import org.certbench.agents.protocol.SelfSignedOutcome;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.PrivateKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call of the management API through a real HTTPS client with an authorised console certificate. */
class ManagementApiTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    private Agents.Running agent;
    private ConsoleClient console;

    @BeforeEach
    void start() throws Exception {
        agent = Agents.start(state);
        console = ConsoleClient.withCertificate("console");
        Agents.cli("console-authorize", "--state-dir", state.toString(), "--file",
                console.writeCertificate(files.resolve("console.pem")).toString());
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void getCertificateDescribesTheSelfSignedCertificateInUse() throws Exception {
        ConsoleClient.Reply reply = console.get(agent.port(), "/api/v1/certificate");

        assertEquals(200, reply.status(), reply.body());
        CertificateInfo info = CertificateInfo.fromJson(reply.json());
        assertEquals("CN=agent01.example.test", info.subject());
        assertTrue(info.selfSigned());
        assertEquals(console.handshakeFingerprint(agent.port()), info.sha256Fingerprint());
    }

    @Test
    void csrIsSignedWithTheAgentsKeyAndCarriesTheRequestedNames() throws Exception {
        CsrRequest request = new CsrRequest("agent01.corp", "Example", "IT", "cz", "Prague", "Prague",
                List.of("agent01.corp", "10.0.0.7"));

        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/csr", Json.write(request.toJson()));

        assertEquals(200, reply.status(), reply.body());
        CertificationRequest csr = CertificationRequests.read(
                CsrResponse.fromJson(reply.json()).csr().getBytes(StandardCharsets.US_ASCII), "csr");
        assertEquals("CN=agent01.corp, OU=IT, O=Example, L=Prague, ST=Prague, C=CZ", csr.subject());
        assertEquals(List.of("DNS:agent01.corp", "IP:10.0.0.7"), csr.subjectAlternativeNames());
        assertTrue(csr.isSignatureValid());
        assertTrue(csr.hasPublicKey(agentKey().getPublic()));
    }

    @Test
    void csrWithDefaultsUsesTheHostIdentity() throws Exception {
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/csr", "");

        CertificationRequest csr = CertificationRequests.read(
                CsrResponse.fromJson(reply.json()).csr().getBytes(StandardCharsets.US_ASCII), "csr");
        assertEquals("CN=agent01.example.test", csr.subject());
        assertEquals(List.of("DNS:agent01", "DNS:agent01.example.test", "IP:127.0.0.1"), csr.subjectAlternativeNames());
    }

    @Test
    void invalidCsrAttributesAre422WithTheCryptoCoresMessage() throws Exception {
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/csr", "{\"country\":\"Czechia\"}");

        assertEquals(422, reply.status());
        assertEquals("INVALID_INPUT", reply.errorCode());
        assertTrue(reply.errorMessage().contains("two-letter"), reply.errorMessage());
    }

    @Test
    void applyWithWhatIfChecksAndChangesNothingThenApplyServesTheNewCertificateAndSelfSignedRestoresTheOldOne()
            throws Exception {
        String selfSigned = console.handshakeFingerprint(agent.port());
        MicroCa ca = MicroCa.create(files, "ca");
        Path csr = files.resolve("agent01.req");
        Files.writeString(csr, CsrResponse.fromJson(console.post(agent.port(), "/api/v1/csr", "{}").json()).csr());
        String issued = Files.readString(ca.issue(csr, "agent01.crt"));
        String caPem = Files.readString(ca.certificateFile());

        ConsoleClient.Reply whatIf = console.post(agent.port(), "/api/v1/certificate/apply",
                Json.write(new ApplyCertificateRequest(caPem, issued, true).toJson()));
        assertEquals(200, whatIf.status(), whatIf.body());
        assertFalse(ApplyCertificateResponse.fromJson(whatIf.json()).applied());
        assertEquals(selfSigned, console.handshakeFingerprint(agent.port()));

        ConsoleClient.Reply applied = console.post(agent.port(), "/api/v1/certificate/apply",
                Json.write(new ApplyCertificateRequest(caPem, issued, false).toJson()));
        ApplyCertificateResponse response = ApplyCertificateResponse.fromJson(applied.json());
        assertTrue(response.applied());
        assertEquals("CN=ca", response.certificate().issuer());
        assertEquals(response.certificate().sha256Fingerprint(), console.handshakeFingerprint(agent.port()));

        ConsoleClient.Reply restored = console.post(agent.port(), "/api/v1/certificate/self-signed",
                Json.write(new ApplySelfSignedRequest(false).toJson()));
        ApplySelfSignedResponse back = ApplySelfSignedResponse.fromJson(restored.json());
        assertEquals(SelfSignedOutcome.RESTORED, back.outcome());
        assertEquals(selfSigned, back.certificate().sha256Fingerprint());
        assertEquals(selfSigned, console.handshakeFingerprint(agent.port()));
    }

    @Test
    void rekeyMakesANewKeyAndCertificate() throws Exception {
        KeyPair before = agentKey();
        String fingerprintBefore = console.handshakeFingerprint(agent.port());

        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/certificate/self-signed", "{\"rekey\":true}");

        assertEquals(SelfSignedOutcome.REKEYED, ApplySelfSignedResponse.fromJson(reply.json()).outcome());
        assertNotEquals(before.getPublic(), agentKey().getPublic());
        assertNotEquals(fingerprintBefore, console.handshakeFingerprint(agent.port()));
    }

    @Test
    void aRejectedCertificateIs422WithEveryFailedCheckInTheDetails() throws Exception {
        MicroCa ca = MicroCa.create(files, "ca");
        Path expired = ca.issue(agentKey().getPublic(), Instant.now().minusSeconds(86_400 * 10),
                Instant.now().minusSeconds(86_400), "expired.crt");

        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/certificate/apply",
                Json.write(new ApplyCertificateRequest(Files.readString(ca.certificateFile()), Files.readString(expired),
                        false).toJson()));

        assertEquals(422, reply.status());
        assertEquals("CERTIFICATE_REJECTED", reply.errorCode());
        assertTrue(reply.errorMessage().contains("expired on"), reply.errorMessage());
        Map<String, Object> details = reply.json().object("error").optionalMap("details");
        assertEquals("CERTIFICATE_REJECTED", details.get("cryptoCode"));
        assertEquals("EXPIRED", ((Map<?, ?>) ((List<?>) details.get("problems")).get(0)).get("code"));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/certificate/apply", "{\"certificate\": ");

        assertEquals(400, reply.status());
        assertEquals("INVALID_REQUEST", reply.errorCode());
    }

    @Test
    void missingFieldIs400NamingTheField() throws Exception {
        ConsoleClient.Reply reply = console.post(agent.port(), "/api/v1/certificate/apply", "{\"certificate\":\"x\"}");

        assertEquals(400, reply.status());
        assertTrue(reply.errorMessage().contains("caCertificate"), reply.errorMessage());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals("NOT_FOUND", console.get(agent.port(), "/api/v1/nothing").errorCode());
        ConsoleClient.Reply wrongMethod = console.get(agent.port(), "/api/v1/csr");
        assertEquals(405, wrongMethod.status());
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.errorCode());
    }

    private KeyPair agentKey() throws Exception {
        return PrivateKeys.read(state.resolve("identity.pem"));
    }
}
