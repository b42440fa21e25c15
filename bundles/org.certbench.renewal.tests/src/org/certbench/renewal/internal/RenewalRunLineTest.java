package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

/**
 * A renewal that worked with a note: {@code renewal:run}'s line keeps the note after the fingerprint, as
 * {@code agent:renew}'s does (AgentRenewLineTest). The shell's {@code --json} writes a line's record components, so
 * the note is in its {@code detail} there too; without a note the detail stays the fingerprint alone.
 */
class RenewalRunLineTest {

    @Test
    void aRenewalsNoteIsOnItsLine() throws Exception {
        Certificate issued = Certificate.fromDer(PkiFixtures.certificate("CN=agent01").build(), "agent01.crt");
        AppliedCertificate applied = new AppliedCertificate("agent01", null, issued, issued, null);
        String note = "The new key and certificate are in use and confirmed, but the agent could not be told to "
                + "forget its previous key (127.0.0.1:1 refused the connection); it forgets it at its next key switch.";

        assertEquals(new RunLine("agent", "agent01", "renewed", issued.sha256Fingerprint() + ". " + note),
                RenewalRun.renewedLine(AgentResult.succeeded("agent01", applied, note)));
        assertEquals(new RunLine("agent", "agent01", "renewed", issued.sha256Fingerprint()),
                RenewalRun.renewedLine(AgentResult.succeeded("agent01", applied, null)));
    }
}
