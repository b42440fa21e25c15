package org.certbench.app.internal.issuers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The program line of a command issuer: words as a shell splits them, nothing expanded, mistakes in words. */
class ProgramLineTest {

    @Test
    void quotesGroupWordsAndNothingIsExpanded() {
        assertEquals(List.of("openssl", "ca", "-config", "/etc/my ca/openssl.cnf", "-in", "{csr}", "-out", "{cert}",
                "$HOME", "*.pem", "a\"b", "it's", "x;y|z"),
                ProgramLine.parse("  openssl ca -config '/etc/my ca/openssl.cnf'\t-in {csr} -out {cert} $HOME *.pem "
                        + "\"a\\\"b\" it\\'s x;y|z  "));
        assertEquals(List.of("", "step"), ProgramLine.parse("'' step"));
    }

    @Test
    void mistakesAreRefusedInWords() {
        assertEquals("Type the program to run, then its arguments.",
                assertThrows(IllegalArgumentException.class, () -> ProgramLine.parse("   ")).getMessage());
        assertEquals("The program line has a single quote (') that is not closed.",
                assertThrows(IllegalArgumentException.class, () -> ProgramLine.parse("openssl 'x")).getMessage());
        assertEquals("The program line has a double quote (\") that is not closed.",
                assertThrows(IllegalArgumentException.class, () -> ProgramLine.parse("openssl \"x")).getMessage());
        assertEquals("The program line ends with a backslash that escapes nothing.",
                assertThrows(IllegalArgumentException.class, () -> ProgramLine.parse("openssl x\\")).getMessage());
    }
}
