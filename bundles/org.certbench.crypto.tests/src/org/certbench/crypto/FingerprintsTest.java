package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FingerprintsTest {

    private static final String SHOWN = "3A:7B:00:FF:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:0F:1E:2D:3C:4B:5A:69:78:87:96:A5:B4:C3:D2";
    private static final String DIGITS = "3A7B00FF112233445566778899AABBCCDDEE0F1E2D3C4B5A69788796A5B4C3D2";

    @TempDir
    Path dir;

    @Test
    void theShownFormIsOpensslsFingerprint() throws Exception {
        byte[] der = PkiFixtures.certificate("CN=fingerprint.example").build();
        Path file = dir.resolve("c.der");
        Files.write(file, der);
        String openssl = Openssl.run(dir, "x509", "-inform", "DER", "-in", file.toString(), "-noout", "-fingerprint",
                "-sha256");

        assertEquals(openssl.substring(openssl.indexOf('=') + 1).strip(), Fingerprints.sha256(der));
        assertEquals(Fingerprints.sha256(der), Certificate.fromDer(der, "c.der").sha256Fingerprint());
    }

    @ParameterizedTest
    @ValueSource(strings = { SHOWN, DIGITS, "3a:7b:00:ff:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:0f:1e:2d:3c:4b:5a:69:78:87:96:a5:b4:c3:d2",
            "  3A7B00FF112233445566778899AABBCCDDEE0F1E2D3C4B5A69788796A5B4C3D2\t\n",
            "3A 7B 00 FF 11 22 33 44 55 66 77 88 99 AA BB CC DD EE 0F 1E 2D 3C 4B 5A 69 78 87 96 A5 B4 C3 D2" })
    void whatAdministratorsPasteIsAccepted(String typed) throws Exception {
        assertEquals(Optional.of(DIGITS), Fingerprints.normalise(typed));
        assertEquals(DIGITS, Fingerprints.parseSha256(typed));
        assertEquals(DIGITS.toLowerCase(Locale.ROOT), Fingerprints.lowerHex(typed));
    }

    @Test
    void digitsAreShownInPairsWithColons() {
        assertEquals(SHOWN, Fingerprints.shown(DIGITS));
        assertEquals(SHOWN, Fingerprints.shown(DIGITS.toLowerCase(Locale.ROOT)));
    }

    @Test
    void aPrefixForASearchIsLowerCaseDigits() {
        assertEquals("3a7b00", Fingerprints.lowerHex(" 3A:7B 00 "));
        assertEquals("", Fingerprints.lowerHex("  "));
    }

    @Test
    void tooFewOrTooManyDigitsAreRefusedInWords() {
        InvalidRequestException shortOne = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(" 12:34 "));
        assertEquals(CryptoErrorCode.FINGERPRINT_LENGTH, shortOne.code());
        assertEquals("'12:34' is not a SHA-256 fingerprint: it has 4 hexadecimal digits, a SHA-256 fingerprint has 64 "
                + "(colons allowed).", shortOne.getMessage());

        InvalidRequestException sha1 = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(DIGITS.substring(0, 40)));
        assertTrue(sha1.getMessage().contains("it has 40 hexadecimal digits"), sha1.getMessage());
        assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256(DIGITS + "00"));
        assertEquals(Optional.empty(), Fingerprints.normalise(DIGITS + "00"));
        assertEquals(Optional.empty(), Fingerprints.normalise(""));
        assertEquals(Optional.empty(), Fingerprints.normalise(null));
    }

    @Test
    void aCharacterThatIsNoHexDigitIsNamed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256("SHA256:" + DIGITS));
        assertEquals(CryptoErrorCode.FINGERPRINT_NOT_HEX, e.code());
        assertEquals("'SHA256:" + DIGITS + "' is not a SHA-256 fingerprint: 'S' is not a hexadecimal digit "
                + "(64 digits 0-9 and A-F, colons allowed).", e.getMessage());
        // digits of other scripts are digits to Java, not to a fingerprint
        String arabicThree = DIGITS.substring(1) + "\u0663";
        assertTrue(assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256(arabicThree))
                .getMessage().contains("'\u0663' is not a hexadecimal digit"));
        assertEquals(Optional.empty(), Fingerprints.normalise(arabicThree));
        assertEquals(Optional.empty(), Fingerprints.normalise(DIGITS.substring(1) + "g"));
    }
}
