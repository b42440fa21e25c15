package org.certbench.issuers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.RevocationList;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.IssuerException;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA in a home of its own: made on first use, issuing, refusing in words, revoking with a real CRL. */
class LocalIssuerTest {

    private static final List<String> NAMES = List.of("agent1.example.org", "127.0.0.1");

    @TempDir
    Path home;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    private LocalIssuer issuer() {
        return new LocalIssuer(home.resolve("issuers"), clock);
    }

    @Test
    void theCaIsMadeOnFirstUseWithAPrivateKeyOthersCannotRead() throws Exception {
        LocalIssuer issuer = issuer();
        assertEquals(List.of(), issuer.caCertificates(), "listing makes no CA");
        assertFalse(Files.exists(home.resolve("issuers")));

        IssuedChain chain = issuer.issue(csr("agent1.example.org", "agent1.example.org,127.0.0.1"),
                IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE);

        Path local = home.resolve("issuers/local");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("issuers"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(local)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(local.resolve("ca.key"), LinkOption.NOFOLLOW_LINKS)));
        assertEquals(List.of(chain.chain().get(0)), issuer.caCertificates());
        assertTrue(chain.chain().get(0).subject().startsWith("CN=CertBench CA "), chain.chain().get(0).subject());
        Path caFile = write("ca.pem", chain.chain().get(0).pem());
        Path leaf = write("leaf.pem", chain.certificate().pem());
        assertEquals(leaf + ": OK\n", Openssl.run(home, "verify", "-purpose", "sslserver", "-CAfile", caFile.toString(),
                leaf.toString()));
        assertEquals(chain.certificate().notBefore().plus(LocalIssuer.DEFAULT_LIFETIME), chain.certificate().notAfter());
        String issued = Files.readString(local.resolve("issued.tsv"));
        assertTrue(issued.startsWith(chain.certificate().serialNumber().toString(16) + "\t"
                + chain.certificate().notAfter() + "\tCN=agent1.example.org\n"), issued);
        // a second issuer on the home (another process) uses the same CA
        assertEquals(issuer.caCertificates(), issuer().caCertificates());
        assertTrue(Files.exists(local.resolve("crl.pem")));
    }

    @Test
    void theRequestedLifetimeIsSigned() throws Exception {
        IssuedChain chain = issuer().issue(csr("agent1.example.org", "agent1.example.org"),
                new IssueRequest(IssueKind.HOST, NAMES, Optional.of(Duration.ofDays(7)),
                        org.certbench.issuers.ChallengeResponder.NONE), IssueMonitor.NONE);

        assertEquals(chain.certificate().notBefore().plus(Duration.ofDays(7)), chain.certificate().notAfter());
    }

    @Test
    void aCsrForOtherNamesIsRefusedInWords() throws Exception {
        IssuerException e = assertThrows(IssuerException.class, () -> issuer().issue(
                csr("agent1.example.org", "agent1.example.org,db-02.example.org"),
                IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE));

        assertEquals(IssuerException.Reason.REFUSED, e.reason());
        assertEquals("The certificate signing request agent1.example.org asks for DNS:db-02.example.org, which is not"
                + " among the names this certificate is for (agent1.example.org, 127.0.0.1). Nothing was signed: make"
                + " the request with those names only.", e.getMessage());
        assertFalse(Files.exists(home.resolve("issuers/local/issued.tsv")));
    }

    @Test
    void aCsrWhoseSignatureDoesNotVerifyIsRefused() throws Exception {
        byte[] der = csr("agent1.example.org", "agent1.example.org").der();
        der[der.length - 3] ^= 0x10;
        CertificationRequest tampered = CertificationRequests.read(der, "tampered");

        IssuerException e = assertThrows(IssuerException.class,
                () -> issuer().issue(tampered, IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE));

        assertEquals(IssuerException.Reason.REFUSED, e.reason());
        assertTrue(e.getMessage().contains("is not signed by the key it contains"), e.getMessage());
    }

    @Test
    void aCancelledRequestSignsNothing() throws Exception {
        IssueMonitor cancelled = new IssueMonitor() {
            @Override
            public boolean isCanceled() {
                return true;
            }
        };

        IssuerException e = assertThrows(IssuerException.class, () -> issuer().issue(
                csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES), cancelled));

        assertEquals(IssuerException.Reason.CANCELED, e.reason());
        assertFalse(Files.exists(home.resolve("issuers")));
    }

    @Test
    void revokedSerialsAreOnTheCrlOpensslReadsAndSeenByEveryProcess() throws Exception {
        LocalIssuer issuer = issuer();
        Certificate revoked = issuer.issue(csr("agent1.example.org", "agent1.example.org"),
                IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE).certificate();
        Certificate kept = issuer.issue(csr("agent1.example.org", "agent1.example.org"),
                IssueRequest.of(IssueKind.AGENT, NAMES), IssueMonitor.NONE).certificate();
        LocalIssuer otherProcess = issuer();
        assertTrue(otherProcess.revokedAt(revoked).isEmpty());

        Instant at = issuer.revoke(revoked);

        assertEquals(now.get(), at);
        assertEquals(at, issuer.revoke(revoked), "revoked once, the first date stays");
        assertEquals(Optional.of(at), otherProcess.revokedAt(revoked));
        assertTrue(otherProcess.revokedAt(kept).isEmpty());
        Path crl = home.resolve("issuers/local/crl.pem");
        String text = Openssl.run(home, "crl", "-noout", "-text", "-in", crl.toString());
        assertTrue(text.contains("Serial Number: " + Openssl.serialText(revoked.serialNumber())), text);
        assertFalse(text.contains(Openssl.serialText(kept.serialNumber())), text);
        Path caFile = write("ca.pem", issuer.caCertificates().get(0).pem());
        String log = String.join("\n", Files.readAllLines(Files.list(home.resolve("audit")).findFirst().orElseThrow()));
        assertTrue(log.contains("\"action\":\"issuer.revoke\",\"object\":\"CN=agent1.example.org\",\"before\":\""
                + revoked.sha256Fingerprint() + "\""), log);
        assertTrue(log.contains("\"action\":\"issuer.issue\""), log);
        String refusal = Openssl.refusal(home, "verify", "-crl_check", "-CRLfile", crl.toString(), "-CAfile",
                caFile.toString(), write("revoked.pem", revoked.pem()).toString());
        assertTrue(refusal != null && refusal.contains("certificate revoked"), refusal);
    }

    @Test
    void aCertificateOfAnotherCaIsNotRevokedHere() throws Exception {
        LocalIssuer issuer = issuer();
        issuer.issue(csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES),
                IssueMonitor.NONE);
        Certificate foreign = new LocalIssuer(home.resolve("other-home/issuers"), clock)
                .issue(csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES),
                        IssueMonitor.NONE).certificate();

        IssuerException e = assertThrows(IssuerException.class, () -> issuer.revoke(foreign));

        assertEquals("The certificate CN=agent1.example.org was not issued by the local CA (its issuer is "
                + foreign.issuer() + "), so the local CA cannot revoke it.", e.getMessage());
    }

    @Test
    void theCrlIsSignedAgainOnceHalfOfItsTimeHasPassed() throws Exception {
        LocalIssuer issuer = issuer();
        issuer.issue(csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES),
                IssueMonitor.NONE);
        RevocationList first = RevocationList.read(issuer.crlFile());
        assertEquals(first.thisUpdate().plus(LocalIssuer.CRL_VALIDITY), first.nextUpdate().orElseThrow());

        now.set(now.get().plus(Duration.ofDays(3)));
        assertEquals(first, issuer.refreshCrl().orElseThrow(), "not yet due");

        now.set(now.get().plus(Duration.ofDays(1)));
        RevocationList second = issuer.refreshCrl().orElseThrow();
        assertNotEquals(first, second);
        assertEquals(second, RevocationList.read(issuer.crlFile()));
        assertTrue(second.number().orElseThrow().compareTo(first.number().orElseThrow()) > 0);
        assertTrue(second.nextUpdate().orElseThrow().isAfter(first.nextUpdate().orElseThrow()));
        assertTrue(second.isSignedBy(issuer.caCertificates().get(0)));
    }

    @Test
    void aKeyFileReplacedByALinkIsRefused() throws Exception {
        LocalIssuer issuer = issuer();
        issuer.issue(csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES),
                IssueMonitor.NONE);
        Path key = home.resolve("issuers/local/ca.key");
        Path elsewhere = Files.move(key, home.resolve("elsewhere.key"));
        Files.createSymbolicLink(key, elsewhere);
        // the certificate is written again, so its stamp changes and the CA is read again
        Path ca = home.resolve("issuers/local/ca.pem");
        Files.writeString(ca, Files.readString(ca));

        IssuerException e = assertThrows(IssuerException.class, () -> issuer().issue(
                csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, NAMES),
                IssueMonitor.NONE));

        assertTrue(e.getMessage().startsWith("The local CA in " + home.resolve("issuers/local") + " cannot be used: "),
                e.getMessage());
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    }

    @Test
    void aNameLongerThanACommonNameMayHoldIsInTheSanAndTheFirstNameThatFitsIsTheCommonName() throws Exception {
        String longName = "a".repeat(60) + ".example.org"; // 72 characters: a DNS name, but no X.509 common name
        IssuedChain chain = issuer().issue(csr("agent1.example.org", longName + ",agent1.example.org"),
                IssueRequest.of(IssueKind.AGENT, List.of(longName, "agent1.example.org")), IssueMonitor.NONE);

        assertEquals("CN=agent1.example.org", chain.certificate().subject());
        assertTrue(chain.certificate().namesHost(longName));
        Path leaf = write("long.pem", chain.certificate().pem());
        Path caFile = write("long-ca.pem", chain.chain().get(0).pem());
        assertEquals(leaf + ": OK\n", Openssl.run(home, "verify", "-purpose", "sslserver", "-verify_hostname",
                longName, "-CAfile", caFile.toString(), leaf.toString()));

        IssuerException none = assertThrows(IssuerException.class, () -> issuer().issue(
                csr("agent1.example.org", "agent1.example.org"), IssueRequest.of(IssueKind.AGENT, List.of(longName)),
                IssueMonitor.NONE));
        assertEquals(IssuerException.Reason.REFUSED, none.reason());
        assertEquals("None of the names " + longName + " fits in a certificate's common name (X.509 allows at most "
                + "64 characters), so the local CA does not sign it: give the agent or host a name of at most 64 "
                + "characters as well.", none.getMessage());
    }

    private static CertificationRequest csr(String commonName, String names) throws Exception {
        KeyPair key = PkiFixtures.freshEc();
        return CertificationRequests.create(new HostIdentity("agent1", "agent1.example.org", List.of()),
                CsrOptions.defaults().withCommonName(commonName)
                        .withAlternativeNames(SubjectAlternativeName.parseList(names)),
                key);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(home.resolve(name), content);
    }
}
