package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class CertificateKeyPairTest {

    @TempDir
    Path dir;

    @Test
    void readsMatchingPairMadeByOpenssl() throws Exception {
        Openssl.run(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.crt",
                "-subj", "/CN=server.example.com", "-days", "10");

        CertificateKeyPair pair = CertificateKeyPair.read(dir.resolve("server.crt"), dir.resolve("server.key"));

        assertEquals("CN=server.example.com", pair.certificate().subject());
        assertEquals("RSA", pair.keyPair().getPrivate().getAlgorithm());
    }

    @Test
    void refusesKeyOfAnotherCertificate() throws Exception {
        KeyPair other = PkiFixtures.freshEc();
        byte[] certificate = PkiFixtures.certificate("CN=server").key(PkiFixtures.ec()).build();
        byte[] key = PrivateKeys.toPem(other.getPrivate()).getBytes(StandardCharsets.US_ASCII);

        KeyMismatchException e = assertThrows(KeyMismatchException.class,
                () -> CertificateKeyPair.read(certificate, "server.crt", key, "other.key"));
        assertEquals("The private key in other.key does not match the certificate in server.crt.", e.getMessage());
    }

    @Test
    void refusesEcKeyBesideRsaCertificate() throws Exception {
        byte[] certificate = PkiFixtures.certificate("CN=server").key(PkiFixtures.rsa()).build();
        byte[] key = PrivateKeys.toPem(PkiFixtures.ec().getPrivate()).getBytes(StandardCharsets.US_ASCII);

        KeyMismatchException e = assertThrows(KeyMismatchException.class,
                () -> CertificateKeyPair.read(certificate, "rsa.crt", key, "ec.key"));
        assertEquals(CryptoErrorCode.KEY_MISMATCH, e.code());
    }

    @Test
    void saysWhenCertificateAndKeyAreGivenTheWrongWayRound() throws Exception {
        Files.write(dir.resolve("server.crt"), PkiFixtures.certificate("CN=server").build());
        Files.writeString(dir.resolve("server.key"), PrivateKeys.toPem(PkiFixtures.ec().getPrivate()));

        WrongContentException e = assertThrows(WrongContentException.class,
                () -> CertificateKeyPair.read(dir.resolve("server.key"), dir.resolve("server.crt")));
        assertEquals("The certificate and the private key were given the wrong way round: " + dir.resolve("server.key")
                + " holds the private key and " + dir.resolve("server.crt") + " the certificate.", e.getMessage());
        assertEquals(CryptoErrorCode.CERTIFICATE_AND_KEY_SWAPPED, e.code());
    }

    @Test
    void keyGivenForBothIsReportedAsKeyInsteadOfCertificate() {
        byte[] key = PrivateKeys.toPem(PkiFixtures.ec().getPrivate()).getBytes(StandardCharsets.US_ASCII);

        WrongContentException e = assertThrows(WrongContentException.class,
                () -> CertificateKeyPair.read(key, "a.key", key, "b.key"));
        assertEquals(CryptoErrorCode.PRIVATE_KEY_INSTEAD_OF_CERTIFICATE, e.code());
    }

    @Test
    void requireMatchAcceptsTheRightKey() throws Exception {
        Certificate certificate = Certificate.fromDer(PkiFixtures.certificate("CN=server").key(PkiFixtures.ec()).build(), "c");

        CertificateKeyPair.requireMatch(certificate, PkiFixtures.ec(), "c", "k");
        assertEquals(true, certificate.hasPublicKey(PkiFixtures.ec().getPublic()));
        assertEquals(false, certificate.hasPublicKey(PkiFixtures.rsa().getPublic()));
    }
}
