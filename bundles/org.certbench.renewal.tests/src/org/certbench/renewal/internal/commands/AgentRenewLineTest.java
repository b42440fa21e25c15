package org.certbench.renewal.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.certbench.agents.connector.AgentResult;
import org.certbench.agents.connector.AppliedCertificate;
import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

/**
 * A renewal that worked with a note: {@code agent:renew}'s line keeps the note, so an administrator reads that the
 * agent could not be told to forget its previous key (the lost-agent path itself runs with real agents in the
 * connector's ReissueWithRealAgentsTest).
 */
class AgentRenewLineTest {

    @Test
    void aRenewalsNoteIsOnItsLine() throws Exception {
        Certificate issued = Certificate.fromDer(PkiFixtures.certificate("CN=agent01").build(), "agent01.crt");
        AppliedCertificate applied = new AppliedCertificate("agent01", null, issued, issued, null);
        String note = "The new key and certificate are in use and confirmed, but the agent could not be told to "
                + "forget its previous key (127.0.0.1:1 refused the connection); it forgets it at its next key switch.";

        assertEquals(new RenewOutcome("agent01", "renewed", "renewed: " + issued.sha256Fingerprint() + ", valid until "
                + issued.notAfter() + ". " + note), AgentRenewCommand.line(AgentResult.succeeded("agent01", applied,
                        note), null));
        assertEquals(new RenewOutcome("agent01", "renewed", "renewed: " + issued.sha256Fingerprint() + ", valid until "
                + issued.notAfter()), AgentRenewCommand.line(AgentResult.succeeded("agent01", applied, null), null));
    }
}
