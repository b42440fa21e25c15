package org.certbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;

class CaImportRulesTest {

    @TempDir
    Path dir;

    private static Certificate read(byte[] der) throws CertBenchCryptoException {
        return Certificate.fromDer(der, "ca.crt");
    }

    private static List<String> messages(List<CryptoProblem> problems) {
        return problems.stream().map(CryptoProblem::message).toList();
    }

    @Test
    void acceptsValidCaWithoutWarnings() throws Exception {
        CaImportCheck check = CaImportRules.check(read(PkiFixtures.ca("CN=Good CA", PkiFixtures.ec())), PkiFixtures.NOW);

        assertTrue(check.accepted());
        assertEquals(List.of(), check.problems());
        assertEquals(List.of(), check.warnings());
        check.requireAccepted("ca.crt");
    }

    @Test
    void refusesExpiredCa() throws Exception {
        Certificate expired = read(PkiFixtures.certificate("CN=Old CA").ca(true)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")).build());

        CaImportCheck check = CaImportRules.check(expired, PkiFixtures.NOW);

        assertEquals(List.of("expired on 2025-01-01 00:00:00 UTC"), messages(check.problems()));
        assertEquals(CryptoErrorCode.EXPIRED, check.problems().get(0).code());
    }

    @Test
    void refusesCaNotYetValid() throws Exception {
        Certificate future = read(PkiFixtures.certificate("CN=Future CA").ca(true)
                .validity(Instant.parse("2026-07-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z")).build());

        assertEquals(List.of("not valid before 2026-07-01 00:00:00 UTC"),
                messages(CaImportRules.check(future, PkiFixtures.NOW).problems()));
    }

    @Test
    void refusesCertificateWithoutBasicConstraints() throws Exception {
        Certificate plain = read(PkiFixtures.certificate("CN=No Constraints").build());

        assertEquals(List.of("not a CA certificate: Basic Constraints extension is missing"),
                messages(CaImportRules.check(plain, PkiFixtures.NOW).problems()));
    }

    @Test
    void refusesEndEntityCertificate() throws Exception {
        Certificate leaf = read(PkiFixtures.certificate("CN=leaf").ca(false).build());

        assertEquals(List.of("not a CA certificate: Basic Constraints does not contain CA=true"),
                messages(CaImportRules.check(leaf, PkiFixtures.NOW).problems()));
    }

    @Test
    void namesEveryFailedRuleInTheRefusal() throws Exception {
        Certificate bad = read(PkiFixtures.certificate("CN=Bad").ca(false)
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")).build());

        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> CaImportRules.check(bad, PkiFixtures.NOW).requireAccepted("bad.pem"));

        assertEquals("bad.pem was refused: expired on 2021-01-01 00:00:00 UTC; "
                + "not a CA certificate: Basic Constraints does not contain CA=true", e.getMessage());
        assertEquals(2, e.problems().size());
    }

    @Test
    void validityBoundariesAreInclusiveOfNotBeforeAndExclusiveOfNotAfter() throws Exception {
        Certificate ca = read(PkiFixtures.ca("CN=Edge CA", PkiFixtures.ec()));

        assertTrue(CaImportRules.check(ca, PkiFixtures.YEAR_AGO).accepted());
        assertFalse(CaImportRules.check(ca, PkiFixtures.IN_A_YEAR).accepted());
    }

    @Test
    void weakRsaKeyAndSha1SignatureOnlyWarn() throws Exception {
        KeyPair weak = PkiFixtures.generate("RSA", null, 1024);
        Certificate ca = read(PkiFixtures.certificate("CN=Legacy CA").key(weak).ca(true).signatureAlgorithm("SHA1withRSA").build());

        CaImportCheck check = CaImportRules.check(ca, PkiFixtures.NOW);

        assertTrue(check.accepted());
        assertEquals(List.of("weak key: RSA with 1024 bits (2048 bits or more recommended)",
                "weak signature algorithm SHA1WITHRSA"), messages(check.warnings()));
    }

    @Test
    void acceptsEveryReadableKeyAlgorithm() throws Exception {
        String[][] keys = { { "ec", "-pkeyopt", "ec_paramgen_curve:P-384" }, { "ec", "-pkeyopt", "ec_paramgen_curve:P-521" },
                { "ed25519" }, { "rsa:4096" }, { "dsa:dsa.param" } };
        Openssl.run(dir, "dsaparam", "-out", "dsa.param", "2048");
        for (String[] key : keys) {
            String[] command = new String[key.length + 13];
            String[] head = { "req", "-x509", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=Any CA",
                    "-days", "10", "-newkey" };
            System.arraycopy(head, 0, command, 0, head.length);
            System.arraycopy(key, 0, command, head.length, key.length);
            command[command.length - 1] = "-sha256";
            Openssl.run(dir, command);

            Certificate ca = Certificates.read(dir.resolve("ca.crt")).certificate();
            CaImportCheck check = CaImportRules.check(ca, Instant.now());

            assertTrue(check.accepted(), key[0] + ": " + check.problems());
            assertEquals(List.of(), check.warnings(), key[0]);
        }
    }
}
