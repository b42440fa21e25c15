package org.certbench.truststore.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The line above the CA table counts as English does: "0 of 0 CA certificates", "1 of 1 CA certificate". */
class CaCountTextTest {

    @Test
    void noneOneAndMany() {
        assertEquals("0 of 0 CA certificates", CaCertificatesPart.countText(0, 0));
        assertEquals("1 of 1 CA certificate", CaCertificatesPart.countText(1, 1));
        assertEquals("0 of 1 CA certificate", CaCertificatesPart.countText(0, 1));
        assertEquals("2 of 3 CA certificates", CaCertificatesPart.countText(2, 3));
    }
}
