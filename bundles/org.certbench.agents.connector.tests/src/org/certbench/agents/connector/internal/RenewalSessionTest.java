package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.BatchResult;
import org.certbench.agents.connector.CertificateSource;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.ReissueOptions;
import org.certbench.agents.connector.SourcedCertificate;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.CertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renewal sends the CSR request and the certificate over one kept-alive connection (one handshake with the
 * console's certificate instead of two). An agent that closes that connection while the issuer works (an idle
 * timeout shorter than the console expects) still gets its certificate, over a connection of its own.
 */
class RenewalSessionTest {

    @TempDir
    Path work;

    @Test
    void anAgentThatClosedTheKeptConnectionWhileTheCaSignedStillGetsItsCertificate() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                FleetOptions.defaults(), Clock.systemUTC());
        CertificateAuthority ca = CertificateAuthority.create("Session CA", Instant.now(),
                CertificateAuthority.ROOT_VALIDITY);
        try (InProcessAgents agents = new InProcessAgents()) {
            int port = agents.start(work.resolve("agents/impatient"), fleet.consoleCertificate(),
                    Duration.ofMillis(300));
            fleet.add("impatient", "127.0.0.1", port, null);
            CertificateSource slowCa = (agent, names, csr) -> {
                try {
                    // the CSR's connection is still open here; the agent closes it when idle long enough
                    awaitNoConnection(agents, port);
                    return new SourcedCertificate(ca.issue(csr, agent, names, Instant.now(), Duration.ofDays(90)),
                            ca.certificate());
                } catch (CertBenchCryptoException e) {
                    throw new FleetException(e.getMessage(), e);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            BatchResult<AppliedCertificate> renewed = fleet.reissue(List.of("impatient"), ReissueOptions.KEEP_KEY,
                    slowCa, BatchMonitor.NONE);

            assertTrue(renewed.allSucceeded(), renewed.failed().toString());
            AgentStatus status = fleet.refresh(List.of("impatient"), BatchMonitor.NONE).values().get(0);
            assertEquals(TrustState.TRUSTED, status.state(), status.reason());
            assertEquals(renewed.values().get(0).certificate(), status.certificate());
            assertTrue(status.certificate().isSignedBy(ca.certificate()));
        }
    }

    /** Waits (polling, at most 10 s) until the agent holds no connection: it closed the kept one. */
    private static void awaitNoConnection(InProcessAgents agents, int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (agents.openConnections(port) > 0) {
            assertTrue(System.nanoTime() < deadline, "the agent kept the idle connection open");
            Thread.sleep(20);
        }
    }
}
