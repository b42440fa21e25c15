package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.certbench.agents.connector.FleetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fingerprint given to agent:add is read by the crypto core's one parser, and refused in its words. */
class ExpectedFingerprintTest {

    @TempDir
    Path work;

    @Test
    void aFingerprintThatIsNoneIsRefusedBeforeAnyConnection() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("agents"), work.resolve("console"),
                new FleetOptions(1, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                Clock.systemUTC());

        // port 9 (discard) on loopback: were the fingerprint not refused first, the add would fail as unreachable
        FleetException shortOne = assertThrows(FleetException.class, () -> fleet.add("a", "127.0.0.1", 9, " 12:34 "));
        assertEquals("'12:34' is not a SHA-256 fingerprint: it has 4 hexadecimal digits, a SHA-256 fingerprint has 64 "
                + "(colons allowed).", shortOne.getMessage());
        FleetException prefixed = assertThrows(FleetException.class,
                () -> fleet.add("a", "127.0.0.1", 9, "SHA256:" + "AB".repeat(32)));
        assertEquals("'SHA256:" + "AB".repeat(32) + "' is not a SHA-256 fingerprint: 'S' is not a hexadecimal digit "
                + "(64 digits 0-9 and A-F, colons allowed).", prefixed.getMessage());
        assertEquals(0, fleet.list().size());
    }
}
