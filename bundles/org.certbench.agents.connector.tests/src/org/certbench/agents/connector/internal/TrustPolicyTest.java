package org.certbench.agents.connector.internal;

import static org.certbench.testing.pki.PkiFixtures.IN_A_YEAR;
import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.certbench.testing.pki.PkiFixtures.YEAR_AGO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.agents.connector.AgentEntry;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;

/** The seed's trust rule, case by case, with the words an administrator reads. */
class TrustPolicyTest {

    private static final KeyPair CA_KEY = PkiFixtures.freshEc();
    private static final Certificate CA = certificate(PkiFixtures.ca("CN=Fleet CA", CA_KEY));
    private static final Certificate OTHER_CA = certificate(PkiFixtures.ca("CN=Other CA", PkiFixtures.freshEc()));

    private static Certificate certificate(byte[] der) {
        try {
            return Certificate.fromDer(der, "test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Certificate selfSigned() {
        return certificate(PkiFixtures.certificate("CN=agent.example.test").key(PkiFixtures.freshEc())
                .purpose(KeyPurposeId.id_kp_serverAuth).build());
    }

    /** Issued by the Fleet CA for the agent's address, 127.0.0.1. */
    private static Certificate issued(java.time.Instant from, java.time.Instant to) {
        return certificate(PkiFixtures.certificate("CN=agent.example.test").key(PkiFixtures.freshEc())
                .issuedBy("CN=Fleet CA", CA_KEY).validity(from, to).purpose(KeyPurposeId.id_kp_serverAuth)
                .dns("agent.example.test").ip((byte) 127, (byte) 0, (byte) 0, (byte) 1).build());
    }

    /** Issued by the Fleet CA for another agent, {@code db-02}, with a key of its own. */
    private static Certificate issuedForDb02(KeyPair key) {
        return certificate(PkiFixtures.certificate("CN=db-02").key(key).issuedBy("CN=Fleet CA", CA_KEY)
                .purpose(KeyPurposeId.id_kp_serverAuth).dns("db-02").build());
    }

    private static AgentEntry agent(Certificate pinned, Certificate ca) {
        return new AgentEntry("a", "127.0.0.1", 9443, NOW, pinned, ca);
    }

    @Test
    void theAddedSelfSignedCertificateIsTrustedAndAnotherIsNot() {
        Certificate pinned = selfSigned();
        Certificate rekeyed = selfSigned();
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(agent(pinned, null), pinned, NOW).state());

        TrustDecision changed = TrustPolicy.decide(agent(pinned, null), rekeyed, NOW);
        assertEquals(TrustState.UNTRUSTED, changed.state());
        assertEquals("it presents a self-signed certificate (SHA-256 " + rekeyed.sha256Fingerprint()
                + ") that is not the one pinned (SHA-256 " + pinned.sha256Fingerprint()
                + "): its certificate changed since it was trusted.", changed.reason());
    }

    @Test
    void anExpiredPinnedSelfSignedCertificateIsTrustedWithAWarning() {
        Certificate pinned = selfSigned();
        TrustDecision decision = TrustPolicy.decide(agent(pinned, null), pinned, IN_A_YEAR.plus(Duration.ofDays(1)));
        assertEquals(TrustState.TRUSTED, decision.state());
        assertTrue(decision.warning().startsWith("The pinned self-signed certificate expired on 2027-06-01"),
                decision.warning());
    }

    @Test
    void aCaIssuedCertificateIsTrustedInsideItsValidityWhenItsCaIsTrustedForTheAgent() {
        Certificate current = issued(YEAR_AGO, IN_A_YEAR);
        TrustDecision trusted = TrustPolicy.decide(agent(selfSigned(), CA), current, NOW);
        assertEquals(TrustState.TRUSTED, trusted.state());
        assertNull(trusted.reason());

        TrustDecision expired = TrustPolicy.decide(agent(null, CA), issued(YEAR_AGO, NOW.minusSeconds(60)), NOW);
        assertEquals("its certificate expired on 2026-06-01.", expired.reason());
        TrustDecision early = TrustPolicy.decide(agent(null, CA), issued(NOW.plusSeconds(86400), IN_A_YEAR), NOW);
        assertEquals("its certificate is not valid before 2026-06-02.", early.reason());
    }

    @Test
    void aCaIssuedCertificateOfAnotherCaIsUntrustedEvenWhenTheSubjectLooksRight() {
        TrustDecision other = TrustPolicy.decide(agent(null, OTHER_CA), issued(YEAR_AGO, IN_A_YEAR), NOW);
        assertEquals("its certificate was issued by 'Fleet CA', not by the CA 'Other CA' trusted for it.", other.reason());
        TrustDecision none = TrustPolicy.decide(agent(selfSigned(), null), issued(YEAR_AGO, IN_A_YEAR), NOW);
        assertEquals("its certificate was issued by 'Fleet CA', a CA this console does not trust for it.", none.reason());

        // same issuer name, another key: the signature decides, not the name
        Certificate impostorCa = certificate(PkiFixtures.ca("CN=Fleet CA", PkiFixtures.freshEc()));
        assertEquals(TrustState.UNTRUSTED,
                TrustPolicy.decide(agent(null, impostorCa), issued(YEAR_AGO, IN_A_YEAR), NOW).state());
    }

    @Test
    void aPinnedCaIssuedCertificateIsTrustedOnlyInsideItsValidity() {
        Certificate pinned = issued(YEAR_AGO, NOW.plusSeconds(60));
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(agent(pinned, null), pinned, NOW).state());
        assertEquals(TrustState.UNTRUSTED,
                TrustPolicy.decide(agent(pinned, null), pinned, NOW.plusSeconds(120)).state());
    }

    @Test
    void aCertificateOfTheTrustedCaForAnotherAgentIsUntrustedSayingForWhomItWasIssued() {
        Certificate mine = issued(YEAR_AGO, IN_A_YEAR);
        AgentEntry pinnedKey = agent(null, CA).withKeyOf(mine);
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(pinnedKey, mine, NOW).state());

        TrustDecision impostor = TrustPolicy.decide(pinnedKey, issuedForDb02(PkiFixtures.freshEc()), NOW);
        assertEquals(TrustState.UNTRUSTED, impostor.state());
        assertEquals("its certificate was issued by 'Fleet CA' for 'db-02', not for this agent: it names neither "
                + "127.0.0.1 nor carries the key pinned for it.", impostor.reason());
    }

    @Test
    void aCertificateThatDoesNotNameTheAgentIsTrustedWhenItCarriesThePinnedKeyAlsoAfterARenewal() {
        KeyPair key = PkiFixtures.freshEc();
        Certificate first = issuedForDb02(key);
        AgentEntry agent = agent(null, CA).withKeyOf(first);
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(agent, first, NOW).state(),
                "reached at 127.0.0.1, which the certificate does not name");
        Certificate renewed = issuedForDb02(key);
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(agent, renewed, NOW).state(), "the same key renewed");
        // a certificate pinned as it is counts with its key, as an inventory from before key pins has it
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(agent(selfSignedWith(key), CA), renewed, NOW).state());
    }

    @Test
    void anAgentWithoutAPinnedKeySaysHowToPinIt() {
        Certificate presented = issuedForDb02(PkiFixtures.freshEc());
        TrustDecision upgraded = TrustPolicy.decide(new AgentEntry("db 02", "10.0.0.2", 9443, NOW, null, CA, null),
                presented, NOW);
        assertEquals("its certificate was issued by 'Fleet CA' for 'db-02', not for this agent: it does not name "
                + "10.0.0.2, and no key is pinned for it yet (the inventory is older than key pins). If it is this "
                + "agent's own certificate, compare its SHA-256 fingerprint " + presented.sha256Fingerprint()
                + " out of band, then pin its key: Trust this certificate, or in the shell agent:trust --fingerprint "
                + presented.sha256Fingerprint() + " \"db 02\".", upgraded.reason());
    }

    private static Certificate selfSignedWith(KeyPair key) {
        return certificate(PkiFixtures.certificate("CN=db-02").key(key).purpose(KeyPurposeId.id_kp_serverAuth).build());
    }

    @Test
    void aRevokedCertificateIsUntrustedThoughPinnedOrOfTheTrustedCa() {
        Certificate pinned = selfSigned();
        Certificate issued = issued(YEAR_AGO, IN_A_YEAR);
        Revocations revocations = new Revocations();
        revocations.add(certificate -> certificate.equals(pinned) || certificate.equals(issued)
                ? java.util.Optional.of(java.time.Instant.parse("2026-05-30T08:00:00Z"))
                : java.util.Optional.empty());
        AgentEntry pinnedAgent = agent(pinned, null);
        AgentEntry caAgent = agent(null, CA).withKeyOf(issued);

        TrustDecision self = TrustPolicy.decide(pinnedAgent, pinned, NOW, revocations);
        TrustDecision byCa = TrustPolicy.decide(caAgent, issued, NOW, revocations);

        assertEquals(TrustState.UNTRUSTED, self.state());
        assertEquals("its certificate was revoked on 2026-05-30.", self.reason());
        assertEquals(TrustState.UNTRUSTED, byCa.state());
        assertEquals("its certificate was revoked on 2026-05-30.", byCa.reason());
        // another certificate the same services know nothing of stays as the pins decide
        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(caAgent, issued, NOW, new Revocations()).state());
    }

    @Test
    void aRevocationServiceThatThrowsRevokesNothing() {
        Certificate pinned = selfSigned();
        Revocations revocations = new Revocations();
        revocations.add(certificate -> {
            throw new IllegalStateException("broken plug-in");
        });

        assertEquals(TrustState.TRUSTED, TrustPolicy.decide(agent(pinned, null), pinned, NOW, revocations).state());
    }
}
