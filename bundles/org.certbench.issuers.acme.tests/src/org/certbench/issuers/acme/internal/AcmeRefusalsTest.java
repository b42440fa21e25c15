package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import org.certbench.core.StateDirectory;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.ExternalAccount;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.testing.servers.Pebble;
import org.certbench.testing.servers.TestServers;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Refusals that need their own server: a pebble that requires External Account Binding, and a small HTTPS endpoint
 * that answers every request as a rate-limiting CA does (pebble has no rate limits): 429, Retry-After and an RFC 8555
 * problem document.
 */
class AcmeRefusalsTest {

    private static final String KID = "kid-1";
    private static final String MAC_KEY = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";
    private static final String KID_URL = "kid-url";
    private static final String MAC_KEY_URL = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMT_-2W";
    private static final String NOT_BASE64 = "it does not hold a base64url (or base64) key: letters, digits, - and _ "
            + "(or + and /), as long as whole bytes need";

    @TempDir
    static Path work;

    private static Pebble pebble;
    private static AcmeIssuers acme;
    private static Issuers issuers;

    @BeforeAll
    static void start() throws Exception {
        pebble = Pebble.start(work.resolve("pebble"), Map.of(KID, MAC_KEY, KID_URL, MAC_KEY_URL));
        Bundle bundle = FrameworkUtil.getBundle(AcmeIssuerService.class);
        acme = ServiceLayering.service(bundle, AcmeIssuers.class);
        issuers = ServiceLayering.service(bundle, Issuers.class);
        Path caFile = work.resolve("ca.pem");
        Files.writeString(caFile, pebble.caPem());
        ServiceLayering.service(bundle, TrustStore.class).importCertificate(caFile);
    }

    @AfterAll
    static void stop() {
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void aCaThatRequiresExternalAccountBindingRefusesAnAccountWithoutOneInWords() throws Exception {
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(settings("eab-missing",
                Optional.empty())));
        assertEquals(Reason.REFUSED, refused.reason());
        assertEquals("The ACME CA at " + pebble.directory() + " requires an External Account Binding for eab-missing: "
                + "give the key identifier with --eab-kid and the file holding the MAC key with --eab-hmac-file.",
                refused.getMessage());
        assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals("eab-missing")));
    }

    @Test
    void withTheBindingsKeyFromAFileTheAccountIsRegisteredAndTheKeyIsNeitherStoredNorSaid() throws Exception {
        Path macFile = work.resolve("eab.key");
        Files.writeString(macFile, MAC_KEY + "\n");
        Files.setPosixFilePermissions(macFile, PosixFilePermissions.fromString("rw-------"));
        acme.add(settings("eab-given", Optional.of(new ExternalAccount(KID, macFile))));
        String stored = Files.readString(org.certbench.core.StateDirectory.area("issuers").resolve("eab-given.acme"));
        assertTrue(!stored.contains(MAC_KEY) && !issuers.get("eab-given").description().contains(MAC_KEY), stored);

        Files.writeString(macFile, "not a key!\n");
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(settings("eab-bad",
                Optional.of(new ExternalAccount(KID, macFile)))));
        assertEquals("The External Account Binding key file " + macFile + " cannot be used: " + NOT_BASE64,
                refused.getMessage());
        // base64url's alphabet, but not whole bytes: refused on reading, not as a CA that "cannot be reached"
        Files.writeString(macFile, "abcde\n");
        IssuerException cut = assertThrows(IssuerException.class, () -> acme.add(settings("eab-cut",
                Optional.of(new ExternalAccount(KID, macFile)))));
        assertEquals("The External Account Binding key file " + macFile + " cannot be used: " + NOT_BASE64,
                cut.getMessage());
    }

    @Test
    void aBindingKeyInStandardBase64IsPassedOnAsBase64url() throws Exception {
        // the CA's key has '-' and '_'; the administrator's file has the same bytes as '+' and '/'
        Path macFile = work.resolve("eab-standard.key");
        Files.writeString(macFile, MAC_KEY_URL.replace('-', '+').replace('_', '/') + "\n");
        Files.setPosixFilePermissions(macFile, PosixFilePermissions.fromString("rw-------"));

        acme.add(settings("eab-standard", Optional.of(new ExternalAccount(KID_URL, macFile))));

        assertTrue(issuers.list().stream().anyMatch(issuer -> issuer.name().equals("eab-standard")));
    }

    @Test
    void aBindingTheCaRefusesLeavesNeitherIssuerNorAccountKey() throws Exception {
        Path macFile = work.resolve("eab-wrong.key");
        // a well-formed key that is not the one the CA gave for KID: its MAC does not verify
        Files.writeString(macFile, MAC_KEY_URL + "\n");
        Files.setPosixFilePermissions(macFile, PosixFilePermissions.fromString("rw-------"));

        IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(settings("eab-wrong",
                Optional.of(new ExternalAccount(KID, macFile)))));

        assertTrue(refused.getMessage().contains("urn:ietf:params:acme:error:"), refused.getMessage());
        assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals("eab-wrong")));
        assertTrue(Files.notExists(StateDirectory.area("issuers").resolve("eab-wrong.acme-account.pem")),
                "no account key without an account");
    }

    @Test
    void aMalformedEmailIsRefusedInWordsBeforeTheCaIsAsked() throws Exception {
        Path macFile = work.resolve("eab-email.key");
        Files.writeString(macFile, MAC_KEY + "\n");
        Files.setPosixFilePermissions(macFile, PosixFilePermissions.fromString("rw-------"));
        for (String email : List.of("admin @example.org", "mailto:admin@example.org", "admin")) {
            IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(new AcmeIssuerSettings(
                    "bad-email", pebble.directory(), Optional.of(email), true,
                    Optional.of(new ExternalAccount(KID, macFile)), new Standalone("127.0.0.1", pebble.httpPort()))));
            assertEquals(Reason.REFUSED, refused.reason());
            assertEquals("The e-mail address " + email + " is not an address: give it as name@domain, without "
                    + "spaces, brackets or a mailto: prefix. Nothing was asked of the CA.", refused.getMessage());
        }
        assertTrue(Files.notExists(StateDirectory.area("issuers").resolve("bad-email.acme-account.pem")));
    }

    @Test
    void theBindingsKeyFileIsReadOnlyWhenItIsTheOwnersAloneAndNeverThroughALink() throws Exception {
        Path macFile = work.resolve("eab-shared.key");
        Files.writeString(macFile, MAC_KEY + "\n");
        Files.setPosixFilePermissions(macFile, PosixFilePermissions.fromString("rw-r-----"));
        IssuerException shared = assertThrows(IssuerException.class, () -> acme.add(settings("eab-shared",
                Optional.of(new ExternalAccount(KID, macFile)))));
        assertEquals(Reason.REFUSED, shared.reason());
        assertEquals("The External Account Binding key file " + macFile + " cannot be used: others than its owner "
                + "may read or change it (rw-r-----): it is no secret any more; if others could read it, replace it by "
                + "a new one (for a key: ask its issuer), and keep it with chmod 600 " + macFile, shared.getMessage());

        // a link to a key that is the owner's alone is refused all the same: what it leads to may change
        Files.setPosixFilePermissions(macFile, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(work.resolve("eab-link.key"), macFile);
        IssuerException linked = assertThrows(IssuerException.class, () -> acme.add(settings("eab-linked",
                Optional.of(new ExternalAccount(KID, link)))));
        assertEquals(Reason.REFUSED, linked.reason());
        assertEquals("The External Account Binding key file " + link + " cannot be used: " + link + " is a symbolic "
                + "link: CertBench neither writes nor reads a file through a link (whoever owns the directory could "
                + "point it at any file of the system). Remove the link, or give the file it points to instead",
                linked.getMessage());

        IssuerException missing = assertThrows(IssuerException.class, () -> acme.add(settings("eab-missing-file",
                Optional.of(new ExternalAccount(KID, work.resolve("no-such-dir/eab.key"))))));
        assertEquals("The External Account Binding key file " + work.resolve("no-such-dir/eab.key") + " cannot be "
                + "used: there is no such file", missing.getMessage());
        assertTrue(Files.notExists(work.resolve("no-such-dir")), "no directory made for a mistyped path");

        // refused before anything was made: no issuer, no account key
        for (String name : List.of("eab-shared", "eab-linked", "eab-missing-file")) {
            assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals(name)), name);
            assertTrue(Files.notExists(StateDirectory.area("issuers").resolve(name + ".acme-account.pem")), name);
        }
    }

    @Test
    void anAnswerLargerThanAnAcmeServerSendsIsRefusedInWordsWithoutReadingIt() throws Exception {
        AtomicLong endlessSent = new AtomicLong();
        try (HostileHttpsEndpoint endpoint = new HostileHttpsEndpoint(work, (head, out) -> {
            if (head.startsWith("GET /endless/")) {
                // a directory that never ends (64 MiB at most, so that a client without a bound ends too)
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                        + "{\"newNonce\":\"").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                    endlessSent.addAndGet(chunk.length);
                }
            } else if (head.startsWith("GET /declared/")) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4294967296\r\n"
                        + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            } else {
                // 1 KiB that inflates to 1 MiB and more: a bound on what is received must not be passed by inflating
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    gzip.write(("{\"newNonce\":\"" + " ".repeat(2 * 1024 * 1024) + "\"}")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                        + "Content-Length: " + zipped.size() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                zipped.writeTo(out);
            }
        })) {
            String base = "https://127.0.0.1:" + endpoint.port();
            URI endless = URI.create(base + "/endless/directory");
            IssuerException refused = assertThrows(IssuerException.class, () -> acme.termsOfService(endless));
            assertEquals(Reason.INVALID_RESPONSE, refused.reason());
            assertEquals("The ACME CA at " + endless + " sent an answer that is not read: the body from " + endless
                    + " is larger than 1048576 bytes. An ACME server's answers are a few kilobytes; check the "
                    + "directory URL.", refused.getMessage());

            URI declared = URI.create(base + "/declared/directory");
            IssuerException declaredRefused = assertThrows(IssuerException.class,
                    () -> acme.termsOfService(declared));
            assertEquals("The ACME CA at " + declared + " sent an answer that is not read: the body from " + declared
                    + " is 4294967296 bytes, larger than 1048576. An ACME server's answers are a few kilobytes; "
                    + "check the directory URL.", declaredRefused.getMessage());

            URI zipped = URI.create(base + "/zipped/directory");
            IssuerException zippedRefused = assertThrows(IssuerException.class, () -> acme.termsOfService(zipped));
            assertEquals("The ACME CA at " + zipped + " sent an answer that is not read: the body from " + zipped
                    + " is compressed (gzip) though no compression was asked for, so its size cannot be bounded. An "
                    + "ACME server's answers are a few kilobytes; check the directory URL.", zippedRefused.getMessage());
        }
        // the reading stopped at the bound: the endless server could not send its 64 MiB
        assertTrue(endlessSent.get() < 64L * 1024 * 1024, "sent " + endlessSent.get());
    }

    @Test
    void aRateLimitingCaIsRefusedWithItsRetryAfterAndProblem() throws Exception {
        try (HostileHttpsEndpoint endpoint = new HostileHttpsEndpoint(work, (head, out) -> {
            byte[] body = ("{\"type\":\"urn:ietf:params:acme:error:rateLimited\",\"detail\":\"too many new orders "
                    + "recently\",\"status\":429}").getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/problem+json\r\n"
                    + "Retry-After: Wed, 21 Oct 2037 07:28:00 GMT\r\nReplay-Nonce: bm9uY2U\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
        })) {
            IssuerException refused = assertThrows(IssuerException.class, () -> acme.termsOfService(
                    URI.create("https://127.0.0.1:" + endpoint.port() + "/directory")));
            assertEquals(Reason.UNAVAILABLE, refused.reason());
            assertEquals("The ACME CA is rate limiting: try again after 2037-10-21T07:28:00Z. It said: "
                    + "urn:ietf:params:acme:error:rateLimited: too many new orders recently", refused.getMessage());
            // carried for renewal's backoff: no attempt before the CA's time
            assertEquals(Optional.of(java.time.Instant.parse("2037-10-21T07:28:00Z")), refused.retryAfter());
        }
    }

    @Test
    void anAcmeServerThatIsNotThereIsSaidInWords() throws Exception {
        int closed = TestServers.freePort();
        URI nowhere = URI.create("https://127.0.0.1:" + closed + "/dir");
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.termsOfService(nowhere));
        assertEquals(Reason.UNAVAILABLE, refused.reason());
        assertEquals("The ACME CA at " + nowhere + " cannot be reached: nothing accepts connections there "
                + "(connection refused)", refused.getMessage());
    }

    private static AcmeIssuerSettings settings(String name, Optional<ExternalAccount> eab) {
        return new AcmeIssuerSettings(name, pebble.directory(), Optional.empty(), true, eab,
                new Standalone("127.0.0.1", pebble.httpPort()));
    }
}
