package org.certbench.app.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void aFingerprintIsShortenedToItsFirstSixBytes() {
        assertEquals("AB:CD:EF:01:23:45…", Fingerprints.shorten("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"));
        assertEquals("abcdef012345…", Fingerprints.shorten("abcdef0123456789abcdef0123456789"));
    }

    @Test
    void otherValuesAreCutOnlyWhenLongerThanTheColumn() {
        assertEquals("", Fingerprints.shorten(null));
        assertEquals("proxy.host=proxy.example…", Fingerprints.shorten("proxy.host=proxy.example proxy.port=3128"));
        assertEquals("x".repeat(24), Fingerprints.shorten("x".repeat(24)));
        assertEquals("x".repeat(24) + "…", Fingerprints.shorten("x".repeat(25)));
        assertEquals("my-plugin 1.0.0", Fingerprints.shorten("my-plugin 1.0.0"));
    }
}
