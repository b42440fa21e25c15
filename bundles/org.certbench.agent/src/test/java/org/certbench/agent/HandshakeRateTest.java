package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Guards TCP_NODELAY on accepted sockets: with Nagle's algorithm a Java TLS server manages about 30
 * handshakes a second per client (ARCHITECTURE.md §7), so 100 sequential handshakes would take over 3 s;
 * without it they take well under a second on this machine. The limit leaves room for a busy machine.
 */
@Order(3)
@ResourceLock(TestLocks.BOTH_CORES)
class HandshakeRateTest {

    @TempDir
    Path state;

    @Test
    void hundredSequentialHandshakesTakeLessThanTwoAndAHalfSeconds() throws Exception {
        try (Agents.Running agent = Agents.start(state)) {
            ConsoleClient client = ConsoleClient.withoutCertificate();
            for (int i = 0; i < 20; i++) {
                client.handshakeFingerprint(agent.port());
            }
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                client.handshakeFingerprint(agent.port());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("100 TLS handshakes (Java client, in-process agent): " + millis + " ms");
            assertTrue(millis < 2500, millis + " ms");
        }
    }
}
