package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.TrustState;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console offers a single key share (cheaper handshakes: P-256 with the native provider, X25519 without);
 * a TLS server that takes only the other group still gets its certificate read, on a second try with the
 * JDK's default groups.
 */
class NamedGroupFallbackTest {

    @TempDir
    Path work;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerWithoutTheOfferedGroupIsReadAndPinnedAfterASecondTry() throws Exception {
        Openssl.run(work, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "k.pem", "-out", "c.pem", "-days", "30", "-subj", "/CN=one-group-only.example");
        String otherGroup = "x25519".equals(AgentConnector.KeyShare.GROUPS[0]) ? "P-256" : "X25519";
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", "c.pem", "-key",
                "k.pem", "-groups", otherGroup, "-naccept", "20", "-quiet").directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("s_server.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        awaitListening(port);
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                FleetOptions.defaults(), Clock.systemUTC());

        fleet.add("p256", "127.0.0.1", port, null);
        AgentStatus status = fleet.refresh(List.of("p256"), BatchMonitor.NONE).values().get(0);

        assertEquals(TrustState.TRUSTED, status.state(), status.reason());
        assertEquals("CN=one-group-only.example", status.certificate().subject());
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("openssl s_server did not listen on " + port);
    }
}
