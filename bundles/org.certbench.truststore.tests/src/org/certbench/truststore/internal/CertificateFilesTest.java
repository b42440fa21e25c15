package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import org.certbench.crypto.Certificate;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CertificateFiles;
import org.certbench.truststore.OpenedFile;
import org.certbench.truststore.TrustStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File &gt; Open&hellip;'s reading: the attacks refused in words first, then what is shown of good files. */
class CertificateFilesTest {

    private final CertificateFiles files = new CertificateFilesService();

    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("cert.pem");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

        // no writer ever opens the FIFO: a plain read would block forever (the timeout only stops a broken test)
        TrustStoreException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrustStoreException.class, () -> files.open(fifo)));

        assertEquals("It cannot be shown: " + fifo.toRealPath() + " is no regular file; it was not read.",
                refused.getMessage());
        // nor through a link the administrator names
        Path link = Files.createSymbolicLink(dir.resolve("link-to-fifo.pem"), fifo);
        assertEquals(refused.getMessage(), assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(TrustStoreException.class, () -> files.open(link))).getMessage());
    }

    @Test
    void aFileOverOneMebibyteIsRefusedUnread() throws Exception {
        Path big = dir.resolve("big.pem");
        String block = PkiFixtures.pem(PkiFixtures.certificate("CN=Big").build());
        Files.writeString(big, block.repeat(CertificateFiles.MAX_BYTES / block.length() + 1));

        TrustStoreException refused = assertThrows(TrustStoreException.class, () -> files.open(big));

        assertEquals(big + " is larger than 1048576 bytes: it is no certificate or request file, and was not read.",
                refused.getMessage());
    }

    @Test
    void garbageAKeyAndAMissingFileAreRefusedInWordsALinkIsFollowed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.crt"), "no certificate in here\n");
        assertEquals("The file " + garbage + " contains no certificate. Only certificates (PEM or DER) and certificate "
                + "signing requests can be shown.", assertThrows(TrustStoreException.class,
                        () -> files.open(garbage)).getMessage());
        // DER that announces 32 KB and ends after 7 bytes
        Path truncated = Files.write(dir.resolve("truncated.der"), new byte[] { 0x30, (byte) 0x82, 0x7f, 0, 1, 2, 3 });
        assertEquals("The file " + truncated + " is truncated: it ends after 7 bytes of a 32516-byte structure. Only "
                + "certificates (PEM or DER) and certificate signing requests can be shown.",
                assertThrows(TrustStoreException.class, () -> files.open(truncated)).getMessage());

        Path key = Files.writeString(dir.resolve("server.pem"), PkiFixtures.privateKeyPem(PkiFixtures.ec()));
        assertTrue(assertThrows(TrustStoreException.class, () -> files.open(key)).getMessage()
                .startsWith("The file " + key + " contains a private key"));

        Path target = Files.writeString(dir.resolve("real.pem"), PkiFixtures.pem(PkiFixtures.certificate("CN=Real")
                .build()));
        // a link the administrator names is followed, as /etc/ssl/certs/<hash>.0 are links
        Path link = Files.createSymbolicLink(dir.resolve("link.pem"), target);
        assertEquals(List.of("CN=Real"), files.open(link).certificates().stream().map(Certificate::subject).toList());

        Path missing = dir.resolve("missing.cer");
        assertEquals("There is no file " + missing + ".",
                assertThrows(TrustStoreException.class, () -> files.open(missing)).getMessage());
    }

    @Test
    void everyCertificateOfAPemFileInOrderAndADerFile() throws Exception {
        KeyPair rootKey = PkiFixtures.freshEc();
        byte[] leaf = PkiFixtures.certificate("CN=leaf.example").issuedBy("CN=Open Root", rootKey).build();
        byte[] root = PkiFixtures.certificate("CN=Open Root").key(rootKey).ca(true).build();
        Path chain = Files.writeString(dir.resolve("chain.crt"), "leaf\n" + PkiFixtures.pem(leaf) + "root\n"
                + PkiFixtures.pem(root));

        OpenedFile opened = files.open(chain);

        assertEquals(List.of("CN=leaf.example", "CN=Open Root"),
                opened.certificates().stream().map(Certificate::subject).toList());
        assertEquals(List.of("The file holds 2 certificates: each is shown, the first one first."), opened.notices());
        assertFalse(opened.isRequest());

        OpenedFile der = files.open(Files.write(dir.resolve("root.der"), root));
        assertEquals(List.of("CN=Open Root"), der.certificates().stream().map(Certificate::subject).toList());
        assertEquals(List.of(), der.notices());
        assertNull(der.request());
    }

    @Test
    void aRequestMadeByOpensslWithItsNamesKeyAndSignature() throws Exception {
        Openssl.run(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "x.key", "-out", "x.csr", "-subj",
                "/O=Open/CN=open.example", "-addext", "subjectAltName=DNS:open.example,IP:192.0.2.7");

        OpenedFile opened = files.open(dir.resolve("x.csr"));

        assertTrue(opened.isRequest());
        assertEquals(List.of(), opened.certificates());
        assertEquals("CN=open.example, O=Open", opened.request().subject());
        assertEquals(List.of("DNS:open.example", "IP:192.0.2.7"), opened.request().subjectAlternativeNames());
        assertEquals("RSA", opened.request().keyAlgorithm());
        assertEquals("2048 bits", opened.request().keySize());
        assertTrue(opened.request().isSignatureValid());
    }
}
