package org.certbench.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.certbench.agent.AgentLog;
import org.certbench.agent.AgentProcess;
import org.certbench.agent.Main;
import org.certbench.agent.certificates.CertificateManager;
import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.agent.state.IdentityStore;
import org.certbench.agents.protocol.JsonObject;
import org.certbench.crypto.HostIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dcertbench.agent.protocol=1.1}: the agent answers the calls added since as an agent of 1.1 does (unknown),
 * so that consoles can be tried against an older fleet with real agents; any other value stops the start in words.
 */
class OlderProtocolTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    private ManagementApi api(String protocol) throws Exception {
        CertificateManager certificates = new CertificateManager(new IdentityStore(AgentStateDirectory.open(state)),
                () -> new HostIdentity("agent01", "agent01.example.test", List.of()), Clock.systemUTC());
        return new ManagementApi(certificates, new AgentLog(new PrintStream(logged, true, StandardCharsets.UTF_8)),
                protocol);
    }

    private static HttpResponse post(ManagementApi api, String path) {
        return api.handle(new HttpRequestHead("POST", path, "HTTP/1.1", Map.of()), new byte[0], "console");
    }

    @Test
    void asProtocol11TheCallsOf12AreUnknownAndTheOthersAnswer() throws Exception {
        ManagementApi older = api("1.1");
        for (String path : List.of("/api/v1/csr/rekey", "/api/v1/certificate/confirm", "/api/v1/certificate/rollback")) {
            HttpResponse unknown = post(older, path);
            assertEquals(404, unknown.status(), path);
            assertTrue(unknown.json().contains("There is no API call at " + path + "."), unknown.json());
        }
        assertEquals(200, post(older, "/api/v1/csr/new-key").status(), "a call of 1.1");
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("answering as an agent of protocol 1.1 "
                + "(-Dcertbench.agent.protocol): these calls are unknown to it: [/api/v1/csr/rekey, "
                + "/api/v1/certificate/confirm, /api/v1/certificate/rollback]"), logged.toString(StandardCharsets.UTF_8));

        assertEquals(404, post(api("1.0"), "/api/v1/csr/new-key").status());
        assertEquals(200, post(api("1.2"), "/api/v1/csr/rekey").status());
    }

    @Test
    void anotherVersionStopsTheAgentsStartInWords() throws Exception {
        // where an administrator meets it: CERTBENCH_AGENT_JAVA_OPTS of the launcher or the unit, then run
        Path output = files.resolve("agent.log");
        Process agent = AgentProcess.builder(List.of("-D" + ManagementApi.PROTOCOL_PROPERTY + "=2.0"), Main.class,
                "run", "--state-dir", state.toString(), "--bind", "127.0.0.1", "--port", "0")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(agent.waitFor(60, TimeUnit.SECONDS), "the agent started: " + Files.readString(output));
        } finally {
            agent.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertEquals(1, agent.exitValue(), printed);
        List<String> lines = printed.lines().filter(line -> !line.isBlank()).toList();
        JsonObject error = JsonObject.parse(lines.get(lines.size() - 1)).object("error");
        assertEquals("INVALID_INPUT", error.string("code"));
        assertEquals("-Dcertbench.agent.protocol must be 1.0, 1.1 or 1.2 (the protocol version to answer as), not "
                + "\"2.0\".", error.string("message"));
        assertFalse(printed.contains("started: listening on"), printed);
    }
}
