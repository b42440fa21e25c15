package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.ChainLink;
import org.certbench.truststore.ChainLink.Signature;
import org.junit.jupiter.api.Test;

/** The path from a certificate to its root, each element's state, for every way a path ends. */
class ChainPathsTest {

    private static final KeyPair ROOT_KEY = PkiFixtures.freshEc();
    private static final KeyPair INTERMEDIATE_KEY = PkiFixtures.freshEc();
    private static final Certificate ROOT = certificate(PkiFixtures.certificate("CN=Chain Root").key(ROOT_KEY).ca(true)
            .validity(PkiFixtures.YEAR_AGO, PkiFixtures.IN_A_YEAR).build());
    private static final Certificate INTERMEDIATE = certificate(PkiFixtures.certificate("CN=Chain Intermediate")
            .key(INTERMEDIATE_KEY).issuedBy("CN=Chain Root", ROOT_KEY).ca(true)
            .validity(PkiFixtures.YEAR_AGO, PkiFixtures.IN_A_YEAR).build());
    private static final Certificate LEAF = certificate(PkiFixtures.certificate("CN=leaf.example")
            .key(PkiFixtures.freshEc()).issuedBy("CN=Chain Intermediate", INTERMEDIATE_KEY)
            .validity(PkiFixtures.YEAR_AGO, PkiFixtures.NOW.minusSeconds(60)).build());

    @Test
    void theLeafThroughThePresentedIntermediateToTheStoredRoot() {
        List<ChainLink> path = ChainPaths.pathOf(LEAF, List.of(INTERMEDIATE), List.of(ROOT), PkiFixtures.NOW);

        assertEquals(List.of(new ChainLink(LEAF, false, true, Signature.VERIFIED),
                new ChainLink(INTERMEDIATE, false, false, Signature.VERIFIED),
                new ChainLink(ROOT, true, false, Signature.SELF_SIGNED)), path);
    }

    @Test
    void withoutTheIntermediateThePathEndsAtTheLeaf() {
        assertEquals(List.of(new ChainLink(LEAF, false, true, Signature.ISSUER_NOT_FOUND)),
                ChainPaths.pathOf(LEAF, List.of(), List.of(ROOT), PkiFixtures.NOW));
    }

    @Test
    void anIssuerOfTheSameNameWithAnotherKeyDoesNotVerify() {
        Certificate impostor = certificate(PkiFixtures.certificate("CN=Chain Intermediate").key(PkiFixtures.freshEc())
                .issuedBy("CN=Chain Root", ROOT_KEY).ca(true).validity(PkiFixtures.YEAR_AGO, PkiFixtures.IN_A_YEAR)
                .build());

        assertEquals(List.of(new ChainLink(LEAF, false, true, Signature.INVALID)),
                ChainPaths.pathOf(LEAF, List.of(impostor), List.of(ROOT), PkiFixtures.NOW));
    }

    @Test
    void aStoredRootAloneIsItsOwnPath() {
        assertEquals(List.of(new ChainLink(ROOT, true, false, Signature.SELF_SIGNED)),
                ChainPaths.pathOf(ROOT, List.of(), List.of(ROOT), PkiFixtures.NOW));
    }

    private static Certificate certificate(byte[] der) {
        try {
            return Certificate.fromDer(der, "test");
        } catch (org.certbench.crypto.CertBenchCryptoException e) {
            throw new AssertionError(e);
        }
    }
}
