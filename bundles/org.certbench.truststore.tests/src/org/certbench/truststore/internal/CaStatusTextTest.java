package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.certbench.truststore.CaStatus;
import org.certbench.truststore.CaStatus.Kind;
import org.junit.jupiter.api.Test;

/** A CA certificate's status in words: the days before its end read as English for none, one and many. */
class CaStatusTextTest {

    @Test
    void theDaysLeftAreWordedAsEnglishDoes() {
        assertEquals("expires today", new CaStatus(Kind.EXPIRES_SOON, 0).text());
        assertEquals("expires tomorrow", new CaStatus(Kind.EXPIRES_SOON, 1).text());
        assertEquals("expires in 12 days", new CaStatus(Kind.EXPIRES_SOON, 12).text());
        assertEquals("valid", new CaStatus(Kind.VALID, 400).text());
        assertEquals("expired", new CaStatus(Kind.EXPIRED, -3).text());
    }
}
