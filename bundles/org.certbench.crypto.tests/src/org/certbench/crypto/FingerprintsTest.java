package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
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
            "3A 7B 00 FF 11 22 33 44 55 66 77 88 99 AA BB CC DD EE 0F 1E 2D 3C 4B 5A 69 78 87 96 A5 B4 C3 D2",
            // no-break and narrow no-break spaces, tabs, line breaks, zero-width spaces and a BOM, as pasted
            "\uFEFF3A\u00A07B\u202F00\tFF\n11\r\n22\u200B33445566778899AABBCCDDEE0F1E2D3C4B5A69788796A5B4C3D2\u00A0",
            // keytool -list -v, openssl x509 -fingerprint -sha256 (3.x and 1.x)
            "SHA256: " + SHOWN, "SHA-256: " + SHOWN, "sha256 Fingerprint=" + SHOWN, "SHA256 Fingerprint=" + SHOWN,
            "SHA256:" + DIGITS })
    void whatAdministratorsPasteIsAccepted(String typed) throws Exception {
        assertEquals(Optional.of(DIGITS), Fingerprints.normalise(typed));
        assertEquals(DIGITS, Fingerprints.parseSha256(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\uFB00" + "AB", "\u0663", "g", "\u0130", "\u00AD", "x", ";" })
    void bothReadersRefuseWhatIsNoHexDigit(String bad) {
        // Java upper-cases U+FB00 to "FF": 'ﬀ' followed by 31 "AB" would pass a check made after upper-casing
        String typed = bad + "AB".repeat(31);
        assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256(typed));
        assertEquals(Optional.empty(), Fingerprints.normalise(typed));
        assertEquals(Optional.empty(), Fingerprints.sha256Prefix(typed));
    }

    @Test
    void digitsAreShownInPairsWithColons() {
        assertEquals(SHOWN, Fingerprints.shown(DIGITS));
        assertEquals(SHOWN, Fingerprints.shown(DIGITS.toLowerCase(Locale.ROOT)));
    }

    @Test
    void onlyTheDigitsOfAFingerprintAreShown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fingerprints.shown("abc"));
        assertEquals("'abc' are not the 64 hexadecimal digits of a SHA-256 fingerprint.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.shown(SHOWN));
        assertThrows(IllegalArgumentException.class, () -> Fingerprints.shown("\uFB00" + DIGITS.substring(2)));
    }

    @Test
    void aPrefixForASearchIsHexDigitsOnly() {
        assertEquals(Optional.of("3A7B00"), Fingerprints.sha256Prefix(" 3a:7B\u00A000 "));
        assertEquals(Optional.of("DECA"), Fingerprints.sha256Prefix("de ca"));
        assertEquals(Optional.of(DIGITS), Fingerprints.sha256Prefix(SHOWN));
        assertEquals(Optional.empty(), Fingerprints.sha256Prefix("  "));
        assertEquals(Optional.empty(), Fingerprints.sha256Prefix(":"));
        assertEquals(Optional.empty(), Fingerprints.sha256Prefix("Acme Corp"));
        assertEquals(Optional.empty(), Fingerprints.sha256Prefix(DIGITS + "0"));
    }

    @Test
    void theDigitsAreCountedAsEnglishDoes() {
        assertEquals("'' is not a SHA-256 fingerprint: it has 0 hexadecimal digits, a SHA-256 fingerprint has 64 "
                + "(colons and spaces allowed).", assertThrows(InvalidRequestException.class,
                        () -> Fingerprints.parseSha256("")).getMessage());
        assertEquals("'7' is not a SHA-256 fingerprint: it has 1 hexadecimal digit, a SHA-256 fingerprint has 64 "
                + "(colons and spaces allowed).", assertThrows(InvalidRequestException.class,
                        () -> Fingerprints.parseSha256("7")).getMessage());
    }

    @Test
    void thePathLengthCountsItsCertificatesAsEnglishDoes() {
        assertEquals("'Root' allows 0 intermediate CA certificates below it (path length constraint), but the chain has"
                + " 1: 'A'", CryptoProblem.of(CryptoErrorCode.CHAIN_PATH_LENGTH, "'Root'", 0, 1, "'A'").message());
        assertEquals("'Root' allows 1 intermediate CA certificate below it (path length constraint), but the chain has"
                + " 2: 'A', 'B'", CryptoProblem.of(CryptoErrorCode.CHAIN_PATH_LENGTH, "'Root'", 1, 2, "'A', 'B'")
                        .message());
        assertEquals("'Root' allows 2 intermediate CA certificates below it (path length constraint), but the chain has"
                + " 3: 'A', 'B', 'C'", CryptoProblem.of(CryptoErrorCode.CHAIN_PATH_LENGTH, "'Root'", 2, 3,
                        "'A', 'B', 'C'").message());
    }

    @Test
    void tooFewOrTooManyDigitsAreRefusedInWords() {
        InvalidRequestException shortOne = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(" 12:34 "));
        assertEquals(CryptoErrorCode.FINGERPRINT_LENGTH, shortOne.code());
        assertEquals("'12:34' is not a SHA-256 fingerprint: it has 4 hexadecimal digits, a SHA-256 fingerprint has 64 "
                + "(colons and spaces allowed).", shortOne.getMessage());

        InvalidRequestException sha1 = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256("SHA1 Fingerprint=" + DIGITS.substring(0, 40)));
        assertTrue(sha1.getMessage().contains("'S' is not a hexadecimal digit"), sha1.getMessage());
        InvalidRequestException sha1Digits = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(DIGITS.substring(0, 40)));
        assertTrue(sha1Digits.getMessage().contains("it has 40 hexadecimal digits"), sha1Digits.getMessage());
        assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256(DIGITS + "00"));
        assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256("SHA256:"));
        assertEquals(Optional.empty(), Fingerprints.normalise(DIGITS + "00"));
        assertEquals(Optional.empty(), Fingerprints.normalise(""));
        assertEquals(Optional.empty(), Fingerprints.normalise(null));
    }

    @Test
    void aCharacterThatIsNoHexDigitIsNamed() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256("SHA1:" + DIGITS));
        assertEquals(CryptoErrorCode.FINGERPRINT_NOT_HEX, e.code());
        assertEquals("'SHA1:" + DIGITS + "' is not a SHA-256 fingerprint: 'S' is not a hexadecimal digit; give the "
                + "64 hexadecimal digits 0-9 and A-F (colons and spaces allowed).", e.getMessage());
        // digits of other scripts are digits to Java, not to a fingerprint; invisible or non-ASCII ones by code point
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(DIGITS.substring(1) + "\u0663")).getMessage()
                .contains(": U+0663 is not a hexadecimal digit"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256("\uFB00" + "AB".repeat(31))).getMessage()
                .contains(": U+FB00 is not a hexadecimal digit"));
        assertTrue(assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(DIGITS.substring(2) + "\u200D0")).getMessage()
                .contains(": U+200D is not a hexadecimal digit"));
    }

    @Test
    void opensshsBase64FormIsRefusedSayingSo() throws Exception {
        String openssh = "SHA256:"
                + Base64.getEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(DIGITS));
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> Fingerprints.parseSha256(openssh));
        assertEquals(CryptoErrorCode.FINGERPRINT_BASE64, e.code());
        assertEquals("'" + openssh + "' is a SHA-256 fingerprint in base64, as OpenSSH prints it; give the 64 "
                + "hexadecimal digits 0-9 and A-F (as openssl x509 -fingerprint -sha256 or keytool -list -v print "
                + "them).", e.getMessage());
    }

    @Test
    void theEchoedInputIsShortAndCannotMoveTheCursor() {
        String pasted = "\u001B[2J" + "A".repeat(300);
        String message = assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256(pasted))
                .getMessage();
        assertEquals("'<U+001B>[2J" + "A".repeat(76) + "…' is not a SHA-256 fingerprint: U+001B is not a "
                + "hexadecimal digit; give the 64 hexadecimal digits 0-9 and A-F (colons and spaces allowed).",
                message);
        String lines = DIGITS.substring(0, 10) + "\nline two\u202Eevil";
        assertTrue(assertThrows(InvalidRequestException.class, () -> Fingerprints.parseSha256(lines)).getMessage()
                .startsWith("'" + DIGITS.substring(0, 10) + "<U+000A>line two<U+202E>evil' is not"));
    }
}
