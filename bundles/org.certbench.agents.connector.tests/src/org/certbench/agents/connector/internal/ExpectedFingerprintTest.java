package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.FleetException;
import org.certbench.agents.connector.TrustChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fingerprint given to agent:add or agent:trust --fingerprint is read by the crypto core's one parser, and refused in its words. */
class ExpectedFingerprintTest {

    @TempDir
    Path work;

    /** What ssh-keygen -l prints: a label and the digest in base64, which is no hex. */
    private static final String OPENSSH = "SHA256:" + "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq83";

    @Test
    void aFingerprintThatIsNoneIsRefusedBeforeAnyConnection() throws Exception {
        FileAgentFleet fleet = fleet();

        // port 9 (discard) on loopback: were the fingerprint not refused first, the add would fail as unreachable
        FleetException shortOne = assertThrows(FleetException.class, () -> fleet.add("a", "127.0.0.1", 9, " 12:34 "));
        assertEquals("'12:34' is not a SHA-256 fingerprint: it has 4 hexadecimal digits, a SHA-256 fingerprint has 64 "
                + "(colons and spaces allowed).", shortOne.getMessage());
        FleetException openssh = assertThrows(FleetException.class,
                () -> fleet.add("a", "127.0.0.1", 9, OPENSSH));
        assertEquals("'" + OPENSSH + "' is a SHA-256 fingerprint in base64, as OpenSSH prints it; give the 64 "
                + "hexadecimal digits 0-9 and A-F (as openssl x509 -fingerprint -sha256 or keytool -list -v print "
                + "them).", openssh.getMessage());
        assertEquals(0, fleet.list().size());
    }

    @Test
    void aConfirmedFingerprintThatIsNoneIsRefusedInWordsBeforeAnyConnection() throws Exception {
        FileAgentFleet fleet = fleet();

        // no agent "a" exists: had it been looked up or connected to first, the result would say so instead
        AgentResult<TrustChange> mistyped = fleet.trustConfirmed(Map.of("a", "AB:CD:EF:GH"), BatchMonitor.NONE)
                .results().get(0);
        assertFalse(mistyped.succeeded());
        assertEquals("'AB:CD:EF:GH' is not a SHA-256 fingerprint: 'G' is not a hexadecimal digit; give the 64 "
                + "hexadecimal digits 0-9 and A-F (colons and spaces allowed).", mistyped.message());
        assertEquals("'" + OPENSSH + "' is a SHA-256 fingerprint in base64, as OpenSSH prints it; give the 64 "
                + "hexadecimal digits 0-9 and A-F (as openssl x509 -fingerprint -sha256 or keytool -list -v print "
                + "them).", fleet.trustConfirmed(Map.of("a", OPENSSH), BatchMonitor.NONE).results().get(0).message());
        // a fingerprint that is one gets as far as the inventory, which does not know the agent
        assertFalse(fleet.trustConfirmed(Map.of("a", "SHA256 Fingerprint=" + "AB:".repeat(31) + "AB"),
                BatchMonitor.NONE).results().get(0).message().contains("SHA-256 fingerprint:"));
    }

    private FileAgentFleet fleet() throws IOException {
        return new FileAgentFleet(work.resolve("agents"), work.resolve("console"),
                new FleetOptions(1, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                Clock.systemUTC());
    }
}
