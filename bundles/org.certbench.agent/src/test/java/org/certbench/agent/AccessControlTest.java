package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only an authorised console may call the API: 401 without a certificate, 403 with an unknown one, whatever the path. */
class AccessControlTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    private Agents.Running agent;

    @BeforeEach
    void start() throws Exception {
        agent = Agents.start(state);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/certificate", "/api/v1/csr", "/", "/no/such/path", "/api/v2/anything" })
    void withoutClientCertificateEveryPathIs401WithJsonError(String path) throws Exception {
        ConsoleClient.Reply reply = ConsoleClient.withoutCertificate().get(agent.port(), path);

        assertEquals(401, reply.status());
        assertEquals("UNAUTHENTICATED", reply.errorCode());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertTrue(reply.errorMessage().contains("client certificate"), reply.errorMessage());
        assertTrue(agent.logText().contains("refused GET " + path), agent.logText());
        assertTrue(agent.logText().contains("(401)"), agent.logText());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/certificate", "/no/such/path" })
    void unknownClientCertificateIs403AndTheRefusalNamesItsFingerprint(String path) throws Exception {
        ConsoleClient stranger = ConsoleClient.withCertificate("stranger");

        ConsoleClient.Reply reply = stranger.post(agent.port(), path, "{}");

        assertEquals(403, reply.status());
        assertEquals("FORBIDDEN", reply.errorCode());
        String fingerprint = stranger.certificate().sha256Fingerprint();
        assertEquals(fingerprint, reply.json().object("error").optionalMap("details").get("sha256Fingerprint"));
        assertTrue(agent.logText().contains(fingerprint + " (CN=stranger) is not an authorised console (403)"),
                agent.logText());
    }

    @Test
    void authorisedConsoleGets200UntilItIsRevoked() throws Exception {
        ConsoleClient console = ConsoleClient.withCertificate("console");
        Path pem = console.writeCertificate(files.resolve("console.pem"));
        assertEquals(0, Agents.cli("console-authorize", "--state-dir", state.toString(), "--file", pem.toString())
                .exitCode());

        assertEquals(200, console.get(agent.port(), "/api/v1/certificate").status());

        String fingerprint = console.certificate().sha256Fingerprint();
        assertEquals(0, Agents.cli("console-revoke", "--state-dir", state.toString(), fingerprint).exitCode());
        assertEquals(403, console.get(agent.port(), "/api/v1/certificate").status());
    }

    @Test
    void theHandshakeItselfIsOpenToAnyoneSoTheCertificateCanBeSeen() throws Exception {
        String served = ConsoleClient.withoutCertificate().handshakeFingerprint(agent.port());

        String inUse = Agents.cli("certificate-get", "--state-dir", state.toString()).stdout();
        assertEquals(org.certbench.crypto.Certificates.read(inUse.getBytes(), "get").certificate().sha256Fingerprint(),
                served);
    }
}
