package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.junit.jupiter.api.Test;

/** The CA view's filter rule (the table hands it the filter stripped and in lower case). */
class CaFilterTest {

    private static final String ID = "deca" + "0123456789abcdef".repeat(3) + "0123456789ab";

    @Test
    void namesAndTheStartOfTheFingerprintAreFound() throws Exception {
        CaEntry entry = entry();

        assertTrue(CaFilter.matches(entry, "acme"));
        assertTrue(CaFilter.matches(entry, "de:ca:01"));
        assertTrue(CaFilter.matches(entry, "deca 01\u00a023"));
        assertTrue(CaFilter.matches(entry, ID));
    }

    @Test
    void wordsAndLoneSeparatorsAreNoFingerprint() throws Exception {
        CaEntry entry = entry();

        // ":" left no digits, and the empty prefix matched every id; a word with letters beyond F is a name only
        assertFalse(CaFilter.matches(entry, "de ca x"));
        assertFalse(CaFilter.matches(entry, ":"));
        assertFalse(CaFilter.matches(entry, "de-ca"));
        assertFalse(CaFilter.matches(entry, "ca 01"));
        assertFalse(CaFilter.matches(entry, "\u200b"));
    }

    private static CaEntry entry() throws Exception {
        Certificate certificate = Certificate.fromDer(PkiFixtures.ca("CN=Acme Root", PkiFixtures.ec()), "acme.der");
        return new CaEntry(ID, certificate, "acme.pem", null);
    }
}
