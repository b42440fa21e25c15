package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class PrivateKeyReadingTest {

    private static final String PASSPHRASE_MESSAGE = "Private keys protected by a passphrase are not supported.";

    @TempDir
    Path dir;

    /** Each row: how openssl makes the key file, the JCA algorithm it must come back as. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PKCS#8 RSA PEM        | genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem | RSA",
            "PKCS#8 EC PEM         | genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem | EC",
            "PKCS#8 EC P-384 PEM   | genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out key.pem | EC",
            "PKCS#8 Ed25519 PEM    | genpkey -algorithm ED25519 -out key.pem | EdDSA",
            "PKCS#8 RSA DER        | genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -outform DER -out key.pem | RSA",
            "PKCS#1 RSA PEM        | genrsa -traditional -out key.pem 2048 | RSA",
            "SEC1 EC PEM           | ecparam -name prime256v1 -genkey -noout -out key.pem | EC",
            "SEC1 EC PEM w/ params | ecparam -name secp384r1 -genkey -out key.pem | EC",
            "DSA traditional PEM   | dsaparam -genkey -out key.pem 2048 | DSA" })
    void readsUnencryptedKeysMadeByOpenssl(String label, String command, String algorithm) throws Exception {
        Openssl.run(dir, command.trim().split("\\s+"));

        KeyPair pair = PrivateKeys.read(dir.resolve("key.pem"));

        assertEquals(algorithm, pair.getPrivate().getAlgorithm());
        assertEquals(publicKeyFromOpenssl(), PrivateKeys.publicKeyPem(pair).strip());
        assertSignsAndVerifies(pair);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PKCS#1 RSA DER | rsa -in key.pem -traditional -outform DER -out converted | genrsa -out key.pem 2048",
            "SEC1 EC DER    | ec -in key.pem -outform DER -out converted | ecparam -name prime256v1 -genkey -noout -out key.pem" })
    void readsDerFormsOfTraditionalKeys(String label, String convert, String generate) throws Exception {
        Openssl.run(dir, generate.trim().split("\\s+"));
        Openssl.run(dir, convert.trim().split("\\s+"));

        KeyPair fromDer = PrivateKeys.read(dir.resolve("converted"));
        KeyPair fromPem = PrivateKeys.read(dir.resolve("key.pem"));

        assertEquals(fromPem.getPublic(), fromDer.getPublic());
    }

    @Test
    void refusesEncryptedPkcs8() throws Exception {
        Openssl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes-256-cbc", "-pass",
                "pass:secret", "-out", "encrypted.pem");
        Openssl.run(dir, "pkcs8", "-topk8", "-in", "encrypted.pem", "-passin", "pass:secret", "-v2", "aes-256-cbc",
                "-passout", "pass:secret", "-outform", "DER", "-out", "encrypted.der");

        String pem = Files.readString(dir.resolve("encrypted.pem"));
        assertTrue(pem.contains("BEGIN ENCRYPTED PRIVATE KEY"), pem);
        PassphraseProtectedKeyException fromPem = assertThrows(PassphraseProtectedKeyException.class,
                () -> PrivateKeys.read(dir.resolve("encrypted.pem")));
        PassphraseProtectedKeyException fromDer = assertThrows(PassphraseProtectedKeyException.class,
                () -> PrivateKeys.read(dir.resolve("encrypted.der")));

        assertEquals(PASSPHRASE_MESSAGE, fromPem.getMessage());
        assertEquals(PASSPHRASE_MESSAGE, fromDer.getMessage());
        assertEquals(CryptoErrorCode.PASSPHRASE_PROTECTED_KEY, fromDer.code());
    }

    @Test
    void refusesLegacyEncryptedPem() throws Exception {
        Openssl.run(dir, "genrsa", "-out", "plain.pem", "2048");
        Openssl.run(dir, "rsa", "-in", "plain.pem", "-traditional", "-aes128", "-passout", "pass:secret", "-out",
                "legacy.pem");

        String pem = Files.readString(dir.resolve("legacy.pem"));
        assertTrue(pem.contains("Proc-Type: 4,ENCRYPTED"), pem);
        PassphraseProtectedKeyException e = assertThrows(PassphraseProtectedKeyException.class,
                () -> PrivateKeys.read(dir.resolve("legacy.pem")));
        assertEquals(PASSPHRASE_MESSAGE, e.getMessage());
    }

    @Test
    void refusesCertificateGivenAsKey() {
        byte[] certificate = PkiFixtures.certificate("CN=host").build();

        WrongContentException e = assertThrows(WrongContentException.class,
                () -> PrivateKeys.read(certificate, "host.crt"));
        assertEquals("The file host.crt contains a certificate, not a private key. "
                + "Were the certificate and the key given the wrong way round?", e.getMessage());
    }

    @Test
    void refusesCsrGivenAsKey() throws Exception {
        HostIdentity host = new HostIdentity("a", "a.example", List.of());
        byte[] csr = CertificationRequests.create(host, CsrOptions.defaults(), PkiFixtures.ec()).pem()
                .getBytes(StandardCharsets.US_ASCII);

        WrongContentException e = assertThrows(WrongContentException.class, () -> PrivateKeys.read(csr, "a.req"));
        assertEquals("The file a.req contains a certificate signing request, not a private key.", e.getMessage());
    }

    @Test
    void refusesFilesWithoutKey() {
        MalformedInputException text = assertThrows(MalformedInputException.class,
                () -> PrivateKeys.read("no key here".getBytes(StandardCharsets.US_ASCII), "notes.key"));
        MalformedInputException empty = assertThrows(MalformedInputException.class,
                () -> PrivateKeys.read(new byte[0], "empty.key"));

        assertEquals("The file notes.key contains no private key.", text.getMessage());
        assertEquals("The file empty.key is empty.", empty.getMessage());
    }

    @Test
    void refusesDamagedKey() {
        String damaged = "-----BEGIN PRIVATE KEY-----\nMAMCAQA=\n-----END PRIVATE KEY-----\n";

        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> PrivateKeys.read(damaged.getBytes(StandardCharsets.US_ASCII), "bad.key"));
        assertTrue(e.getMessage().startsWith("The file bad.key does not contain a valid private key: "), e.getMessage());
    }

    @Test
    void writesPkcs8PemThatOpensslAndThisReaderRead() throws Exception {
        KeyPair generated = PrivateKeys.generate(KeyType.EC_P256);
        Files.writeString(dir.resolve("written.key"), PrivateKeys.toPem(generated.getPrivate()));

        Openssl.run(dir, "pkey", "-in", "written.key", "-check", "-noout");
        KeyPair read = PrivateKeys.read(dir.resolve("written.key"));

        assertEquals(generated.getPublic(), read.getPublic());
        assertEquals(generated.getPrivate(), PrivateKeys.read(PrivateKeys.toDer(generated.getPrivate()), "k.der").getPrivate());
    }

    @Test
    void generatesEveryOfferedKeyType() throws Exception {
        for (KeyType type : new KeyType[] { KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048 }) {
            KeyPair pair = PrivateKeys.generate(type);
            assertEquals(type.algorithm(), pair.getPrivate().getAlgorithm());
            assertSignsAndVerifies(pair);
        }
        assertEquals(KeyType.EC_P256, KeyType.DEFAULT);
    }

    private String publicKeyFromOpenssl() throws Exception {
        boolean pem = Files.readString(dir.resolve("key.pem"), StandardCharsets.ISO_8859_1).contains("-----BEGIN");
        Openssl.run(dir, "pkey", "-in", "key.pem", "-inform", pem ? "PEM" : "DER", "-pubout", "-out", "pub.pem");
        return Files.readString(dir.resolve("pub.pem")).strip();
    }

    private static void assertSignsAndVerifies(KeyPair pair) throws Exception {
        String algorithm = switch (pair.getPrivate().getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "DSA" -> "SHA256withDSA";
            default -> pair.getPrivate().getAlgorithm();
        };
        byte[] data = "proof".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(pair.getPrivate());
        signer.update(data);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(pair.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(signer.sign()), "public key derived from the private key verifies its signature");
    }
}
