package org.certbench.app.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CellTextTest {

    @Test
    void aFingerprintIsShortenedToItsFirstSixBytes() {
        assertEquals("AB:CD:EF:01:23:45…", CellText.value("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
                + "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"));
        assertEquals("abcdef012345…", CellText.value("abcdef0123456789abcdef0123456789"));
    }

    @Test
    void otherValuesAreCutWithAnEllipsisOnlyWhenLongerThanTheColumn() {
        assertEquals("", CellText.value(null));
        assertEquals("proxy.host=proxy.e…", CellText.value("proxy.host=proxy.example proxy.port=3128"));
        assertEquals("x".repeat(18), CellText.value("x".repeat(18)));
        assertEquals("x".repeat(18) + "…", CellText.value("x".repeat(19)));
        assertEquals("my-plugin 1.0.0", CellText.value("my-plugin 1.0.0"));
        assertEquals("a b…", CellText.cut("a\nbc", 3));
    }
}
