package org.certbench.issuers.acme.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.certbench.core.StateDirectory;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.CsrOptions;
import org.certbench.crypto.HostIdentity;
import org.certbench.crypto.KeyType;
import org.certbench.crypto.PrivateKeys;
import org.certbench.crypto.SubjectAlternativeName;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.IssuerException.Reason;
import org.certbench.issuers.Issuers;
import org.certbench.issuers.acme.AcmeIssuerSettings;
import org.certbench.issuers.acme.AcmeIssuerSettings.HttpChallenge;
import org.certbench.issuers.acme.AcmeIssuerSettings.Standalone;
import org.certbench.issuers.acme.AcmeIssuerSettings.Webroot;
import org.certbench.issuers.acme.AcmeIssuers;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.pki.Openssl;
import org.certbench.testing.servers.NginxServer;
import org.certbench.testing.servers.Pebble;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The ACME issuer against a real ACME server (pebble) that validates http-01 for real, through the OSGi services
 * as the shell and renewal use them: the account registered once, certificates issued through the standalone
 * listener and through a real nginx serving the web root, their chains checked against pebble's root, and the
 * refusals in words.
 */
class AcmeIssuerPebbleTest {

    /** A name pebble's policy refuses to certify (its domainBlocklist). */
    private static final String BLOCKED = "www.blocked.test";

    @TempDir
    static Path work;

    private static Pebble pebble;
    private static AcmeIssuers acme;
    private static Issuers issuers;
    private static OutboundTls outbound;
    private static TrustStore store;
    private static CaEntry testCa;

    @BeforeAll
    static void start() throws Exception {
        pebble = Pebble.start(work.resolve("pebble"), Map.of(), List.of(BLOCKED));
        Bundle bundle = FrameworkUtil.getBundle(AcmeIssuerService.class);
        acme = ServiceLayering.service(bundle, AcmeIssuers.class);
        issuers = ServiceLayering.service(bundle, Issuers.class);
        outbound = ServiceLayering.service(bundle, OutboundTls.class);
        store = ServiceLayering.service(bundle, TrustStore.class);
        testCa = importTestCa();
    }

    @AfterAll
    static void stop() {
        if (pebble != null) {
            pebble.close();
        }
    }

    private static CaEntry importTestCa() throws Exception {
        Path caFile = work.resolve("acme-test-ca.pem");
        Files.writeString(caFile, pebble.caPem());
        return store.importCertificate(caFile).entry();
    }

    @Test
    void standaloneListenerAnswersPebblesValidationAndTheChainLeadsToPebblesRoot() throws Exception {
        Issuer issuer = add("pebble-standalone", new Standalone("127.0.0.1", pebble.httpPort()));
        Path accountKey = StateDirectory.area("issuers").resolve("pebble-standalone.acme-account.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(accountKey)));
        assertTrue(issuer.description().contains(pebble.directory().toString()), issuer.description());
        assertTrue(issuer.description().contains("standalone listener on 127.0.0.1:" + pebble.httpPort()),
                issuer.description());

        String name = "www.standalone.test";
        pebble.resolve(name);
        KeyPair key = PrivateKeys.generate(KeyType.EC_P256);
        // looked at when the issuer finalises: the listener must be gone by then, not wait for the chain
        java.util.concurrent.atomic.AtomicReference<String> atFinalising = new java.util.concurrent.atomic.AtomicReference<>();
        IssueMonitor portLooker = new IssueMonitor() {
            @Override
            public void subTask(String text) {
                if (text.startsWith("Finalising")) {
                    try (java.net.ServerSocket again = new java.net.ServerSocket(pebble.httpPort(), 1,
                            java.net.InetAddress.getByName("127.0.0.1"))) {
                        atFinalising.set("free");
                    } catch (java.io.IOException e) {
                        atFinalising.set("still taken: " + e.getMessage());
                    }
                }
            }
        };
        IssuedChain issued = issuers.get("pebble-standalone").issue(csr(name, key),
                IssueRequest.of(IssueKind.HOST, List.of(name)), portLooker);
        assertEquals("free", atFinalising.get());

        assertTrue(issued.certificate().namesHost(name), issued.certificate().toString());
        assertTrue(issued.certificate().hasPublicKey(key.getPublic()));
        assertChainsToPebblesRoot(issued);
        // the listener is closed after validation: the port is free again
        try (java.net.ServerSocket again = new java.net.ServerSocket(pebble.httpPort(), 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(pebble.httpPort(), again.getLocalPort());
        }

        // registered once: adding it again finds the same account of the same kept key
        String account = ((AcmeIssuer) issuer).config().account().toString();
        Issuer again = add("pebble-standalone", new Standalone("127.0.0.1", pebble.httpPort()));
        assertEquals(account, ((AcmeIssuer) again).config().account().toString());
    }

    @Test
    void anOrderForTwoNamesIsValidatedAtOnceByTheStandaloneListenerWhichClosesAfterTheLast() throws Exception {
        add("pebble-two", new Standalone("127.0.0.1", pebble.httpPort()));
        List<String> names = List.of("www.two.test", "two.test");
        for (String name : names) {
            pebble.resolve(name);
        }
        KeyPair key = PrivateKeys.generate(KeyType.EC_P256);
        CertificationRequest csr = CertificationRequests.create(new HostIdentity("two", names.get(0), List.of()),
                CsrOptions.defaults().withCommonName(names.get(0)).withAlternativeNames(names.stream()
                        .map(SubjectAlternativeName::dns).toList()), key);

        // two authorisations, two tokens served by one listener: each is fetched by pebble for real
        IssuedChain issued = issuers.get("pebble-two").issue(csr, IssueRequest.of(IssueKind.HOST, names),
                IssueMonitor.NONE);

        assertEquals(java.util.Set.copyOf(names), java.util.Set.copyOf(issued.certificate().hostNames().stream()
                .map(SubjectAlternativeName::value).toList()));
        assertChainsToPebblesRoot(issued);
        try (java.net.ServerSocket again = new java.net.ServerSocket(pebble.httpPort(), 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(pebble.httpPort(), again.getLocalPort(), "the listener closed after the last token");
        }
    }

    @Test
    void aNameTheCasPolicyRefusesIsSaidWithWhatToDo() throws Exception {
        add("pebble-blocked", new Standalone("127.0.0.1", pebble.httpPort()));
        pebble.resolve(BLOCKED);

        IssuerException refused = refusal("pebble-blocked", BLOCKED, IssueMonitor.NONE);

        assertEquals(Reason.REFUSED, refused.reason());
        assertTrue(refused.getMessage().startsWith("The ACME CA of pebble-blocked will not certify these names: "
                + "urn:ietf:params:acme:error:rejectedIdentifier"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(". Order names the CA's policy allows; a public CA refuses names "
                + "without a dot and internal names: give the target's public names (host:configure TARGET "
                + "names=www.example.org,...)."), refused.getMessage());
    }

    @Test
    void anAccountTheCaDoesNotKnowIsSaidWithWhatToDo() throws Exception {
        Issuer issuer = add("pebble-unknown-account", new Standalone("127.0.0.1", pebble.httpPort()));
        String account = ((AcmeIssuer) issuer).config().account().toString();
        Path config = StateDirectory.area("issuers").resolve("pebble-unknown-account.acme");
        // an account URL of this CA that it never gave out, as after the CA forgot (or another CA made) the account
        String text = Files.readString(config);
        Files.writeString(config, text.replaceAll("(?m)^(account=.*)$", "$1999"));
        ((AcmeIssuerService) acme).refresh();
        assertEquals(account + "999", ((AcmeIssuer) issuers.get("pebble-unknown-account")).config().account()
                .toString());
        pebble.resolve("www.unknown-account.test");

        IssuerException refused = refusal("pebble-unknown-account", "www.unknown-account.test", IssueMonitor.NONE);

        assertEquals(Reason.REFUSED, refused.reason());
        assertTrue(refused.getMessage().startsWith("The ACME CA of pebble-unknown-account has a problem with the "
                + "account: urn:ietf:params:acme:error:accountDoesNotExist"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith(". If the CA no longer knows the account (deactivated, or "
                + "registered at another CA), remove the issuer and add it again to register a new one."),
                refused.getMessage());
    }

    @Test
    void anIssuerConfigurationOthersCouldChangeIsNotUsed() throws Exception {
        add("pebble-unsafe", new Standalone("127.0.0.1", pebble.httpPort()));
        Path config = StateDirectory.area("issuers").resolve("pebble-unsafe.acme");
        // whoever may change it chooses where CertBench (perhaps as root) writes the answers
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));
        try {
            IssuerException refused = refusal("pebble-unsafe", "www.unsafe.test", IssueMonitor.NONE);

            assertEquals(Reason.REFUSED, refused.reason());
            assertTrue(refused.getMessage().startsWith("The ACME issuer pebble-unsafe is not used: "),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains(config.toString()), refused.getMessage());
        } finally {
            acme.remove("pebble-unsafe");
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedInWordsAndNothingIsStored() throws Exception {
        Standalone standalone = new Standalone("127.0.0.1", pebble.httpPort());
        IssuerException badName = assertThrows(IssuerException.class, () -> add("../evil", standalone));
        assertEquals("An issuer name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit: "
                + "../evil", badName.getMessage());

        IssuerException taken = assertThrows(IssuerException.class, () -> add("local", standalone));
        assertEquals("The name local is taken by an issuer that is not an ACME issuer; choose another name.",
                taken.getMessage());

        Path missing = work.resolve("no-such-webroot");
        IssuerException noWebroot = assertThrows(IssuerException.class, () -> add("pebble-no-webroot",
                new Webroot(missing)));
        assertEquals("The web root " + missing + " is not a directory (a link is not followed): give the directory "
                + "the web server serves.", noWebroot.getMessage());
        Path linked = Files.createSymbolicLink(work.resolve("linked-webroot"), Files.createDirectories(
                work.resolve("real-webroot")));
        IssuerException linkWebroot = assertThrows(IssuerException.class, () -> add("pebble-no-webroot",
                new Webroot(linked)));
        assertEquals("The web root " + linked + " is not a directory (a link is not followed): give the directory "
                + "the web server serves.", linkWebroot.getMessage());

        for (String name : List.of("pebble-no-webroot", "local")) {
            assertTrue(Files.notExists(StateDirectory.area("issuers").resolve(name + ".acme")), name);
            assertTrue(Files.notExists(StateDirectory.area("issuers").resolve(name + ".acme-account.pem")), name);
        }
    }

    @Test
    void aDirectoryUrlThatIsNotAnAcmeServerIsSaidInWords() throws Exception {
        // pebble's management API: trusted HTTPS, but a PEM root where an ACME directory is expected
        URI notAcme = pebble.management("/roots/0");

        IssuerException refused = assertThrows(IssuerException.class, () -> acme.termsOfService(notAcme));

        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().startsWith("The ACME CA at " + notAcme + " did not answer as an ACME "
                + "server: "), refused.getMessage());
    }

    @Test
    void webrootServedByNginxAnswersPebblesValidationAndTheAnswerIsRemovedAfterwards() throws Exception {
        Path webroot = Files.createDirectories(work.resolve("www"));
        add("pebble-webroot", new Webroot(webroot));
        String name = "www.webroot.test";
        pebble.resolve(name);
        KeyPair key = PrivateKeys.generate(KeyType.EC_P256);
        try (NginxServer nginx = NginxServer.webroot(work.resolve("nginx"), pebble.httpPort(), webroot)) {
            IssuedChain issued = issuers.get("pebble-webroot").issue(csr(name, key),
                    IssueRequest.of(IssueKind.HOST, List.of(name)), IssueMonitor.NONE);
            assertTrue(issued.certificate().namesHost(name), issued.certificate().toString());
            assertChainsToPebblesRoot(issued);
        }
        Path challenges = webroot.resolve(".well-known/acme-challenge");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(challenges)));
        try (Stream<Path> left = Files.list(challenges)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aWebRootTheWebServerDoesNotServeFailsTheChallengeNamingTheUrlTheCaTried() throws Exception {
        Path served = Files.createDirectories(work.resolve("served"));
        Path wrong = Files.createDirectories(work.resolve("not-served"));
        add("pebble-wrong-root", new Webroot(wrong));
        String name = "www.wrong-root.test";
        pebble.resolve(name);
        try (NginxServer nginx = NginxServer.webroot(work.resolve("nginx-wrong"), pebble.httpPort(),
                served)) {
            IssuerException refused = refusal("pebble-wrong-root", name, IssueMonitor.NONE);
            assertEquals(Reason.REFUSED, refused.reason());
            assertTrue(refused.getMessage().startsWith("The ACME CA of pebble-wrong-root could not validate "
                    + name + ": it fetched http://" + name + "/.well-known/acme-challenge/"), refused.getMessage());
            assertTrue(refused.getMessage().contains("urn:ietf:params:acme:error:unauthorized"), refused.getMessage());
        }
        try (Stream<Path> left = Files.list(wrong.resolve(".well-known/acme-challenge"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void theTermsOfServiceMustBeAgreedToExplicitly() throws Exception {
        URI terms = acme.termsOfService(pebble.directory()).orElseThrow();
        IssuerException refused = assertThrows(IssuerException.class, () -> acme.add(new AcmeIssuerSettings(
                "pebble-no-tos", pebble.directory(), Optional.empty(), false, Optional.empty(),
                new Standalone("127.0.0.1", pebble.httpPort()))));
        assertEquals("The ACME CA of pebble-no-tos requires agreeing to its terms of service: read " + terms
                + " and add --agree-tos to agree.", refused.getMessage());
        assertTrue(issuers.list().stream().noneMatch(issuer -> issuer.name().equals("pebble-no-tos")));
    }

    @Test
    void anAcmeServerWhoseCaIsNotInTheStoreIsRefusedInWords() throws Exception {
        store.delete(testCa.id());
        try {
            IssuerException refused = assertThrows(IssuerException.class,
                    () -> acme.termsOfService(pebble.directory()));
            assertEquals(Reason.REFUSED, refused.reason());
            assertTrue(refused.getMessage().startsWith("The ACME CA at " + pebble.directory() + " is not trusted: "
                    + "The certificate of 127.0.0.1 was issued by '" + pebble.caName() + "', which is not in the CA "
                    + "certificates."), refused.getMessage());
        } finally {
            testCa = importTestCa();
        }
    }

    @Test
    void aMonitorCanceledBeforeTheIssueEndsItAsCanceled() throws Exception {
        add("pebble-cancel", new Standalone("127.0.0.1", pebble.httpPort()));
        IssueMonitor canceled = new IssueMonitor() {
            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        IssuerException refused = refusal("pebble-cancel", "www.cancel.test", canceled);
        assertEquals(Reason.CANCELED, refused.reason());
    }

    @Test
    void cancelWhileTheCaIsStillValidatingStopsAndLeavesNoAnswerBehind() throws Exception {
        Path webroot = Files.createDirectories(work.resolve("cancel-root"));
        add("pebble-cancel-validating", new Webroot(webroot));
        String name = "www.cancel-validating.test";
        pebble.resolve(name);
        // a web server that takes the CA's request and never answers: validation stays pending for as long as it holds
        java.util.concurrent.atomic.AtomicBoolean caIsFetching = new java.util.concurrent.atomic.AtomicBoolean();
        List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (java.net.ServerSocket stalling = new java.net.ServerSocket(pebble.httpPort(), 8,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread accepting = Thread.ofVirtual().start(() -> {
                while (!stalling.isClosed()) {
                    try {
                        held.add(stalling.accept());
                        caIsFetching.set(true);
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            IssueMonitor cancelOnceFetching = new IssueMonitor() {
                @Override
                public boolean isCanceled() {
                    return caIsFetching.get();
                }
            };
            try {
                IssuerException refused = refusal("pebble-cancel-validating", name, cancelOnceFetching);
                // cancelled, not failed: the CA had not finished (its fetch is still held open here)
                assertEquals(Reason.CANCELED, refused.reason(), refused.getMessage());
                assertEquals("Cancelled.", refused.getMessage());
            } finally {
                stalling.close();
                for (java.net.Socket socket : held) {
                    socket.close();
                }
                accepting.join();
            }
        }
        try (Stream<Path> left = Files.list(webroot.resolve(".well-known/acme-challenge"))) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aLostAccountKeyIsRefusedInWordsAndNoNewAccountIsMadeUnlessTheIssuerIsAddedAgain() throws Exception {
        Issuer issuer = add("pebble-lost-key", new Standalone("127.0.0.1", pebble.httpPort()));
        String account = ((AcmeIssuer) issuer).config().account().toString();
        Path key = StateDirectory.area("issuers").resolve("pebble-lost-key.acme-account.pem");
        Files.delete(key);
        String name = "www.lost-key.test";
        pebble.resolve(name);

        IssuerException missing = refusal("pebble-lost-key", name, IssueMonitor.NONE);
        assertEquals(Reason.REFUSED, missing.reason());
        assertEquals("The account key " + key + " of the ACME issuer pebble-lost-key is missing: CertBench does not "
                + "register a new account in its place on its own (the account " + account + " belongs to the lost "
                + "key). Restore the key from a backup; or, to register a new account deliberately, add the issuer "
                + "again with its settings (issuer:acme pebble-lost-key " + pebble.directory() + " ... with its "
                + "challenge options, or Settings > Issuers > Add ACME issuer...), which makes a new key.",
                missing.getMessage());
        assertTrue(Files.notExists(key, java.nio.file.LinkOption.NOFOLLOW_LINKS), "no key made in its place");

        Files.writeString(key, "not a key\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        IssuerException damaged = refusal("pebble-lost-key", name, IssueMonitor.NONE);
        assertEquals(Reason.REFUSED, damaged.reason());
        assertTrue(damaged.getMessage().startsWith("The account key " + key + " of the ACME issuer pebble-lost-key "
                + "cannot be read: "), damaged.getMessage());
        assertTrue(damaged.getMessage().endsWith(". It is left as it is. Restore it from a backup; or, to register a "
                + "new account deliberately, remove the issuer (issuer:remove pebble-lost-key) and add it again "
                + "(issuer:acme pebble-lost-key " + pebble.directory() + " ...), which makes a new key."),
                damaged.getMessage());
        assertEquals("not a key\n", Files.readString(key));

        // deliberately: removed and added again, a new key registers a new account
        acme.remove("pebble-lost-key");
        Issuer again = add("pebble-lost-key", new Standalone("127.0.0.1", pebble.httpPort()));
        assertTrue(!account.equals(((AcmeIssuer) again).config().account().toString()), account);
    }

    @Test
    void aStandalonePortInUseIsRefusedInWords() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            add("pebble-busy", new Standalone("127.0.0.1", busy.getLocalPort()));
            pebble.resolve("www.busy.test");
            IssuerException refused = refusal("pebble-busy", "www.busy.test", IssueMonitor.NONE);
            assertEquals(Reason.REFUSED, refused.reason());
            assertTrue(refused.getMessage().startsWith("The standalone http-01 listener cannot listen on 127.0.0.1:"
                    + busy.getLocalPort() + ": "), refused.getMessage());
        }
    }

    @Test
    void aLinkPlantedInTheWebRootIsRefusedNotFollowed() throws Exception {
        Path webroot = Files.createDirectories(work.resolve("planted"));
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.createSymbolicLink(webroot.resolve(".well-known"), elsewhere);
        add("pebble-planted", new Webroot(webroot));
        pebble.resolve("www.planted.test");
        IssuerException refused = refusal("pebble-planted", "www.planted.test", IssueMonitor.NONE);
        assertEquals(Reason.REFUSED, refused.reason());
        assertTrue(refused.getMessage().startsWith("The http-01 answer " + webroot.resolve(".well-known/acme-challenge")),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith(webroot.resolve(".well-known") + " is a link or no directory: nothing "
                + "is written through it"), refused.getMessage());
        try (Stream<Path> written = Files.list(elsewhere)) {
            assertEquals(List.of(), written.toList());
        }
    }

    @Test
    void theShellCommandShowsTheTermsItAgreedToAndRefusesAmbiguousChallengeModes() throws Exception {
        org.certbench.issuers.acme.internal.commands.AcmeCommands shell =
                new org.certbench.issuers.acme.internal.commands.AcmeCommands(acme);
        URI terms = acme.termsOfService(pebble.directory()).orElseThrow();
        String added = shell.acme("", true, "", "", "", pebble.httpPort(), "127.0.0.1", "pebble-shell",
                pebble.directory().toString());
        assertTrue(added.startsWith("Added ACME issuer pebble-shell: ACME CA " + pebble.directory() + ", account "),
                added);
        assertTrue(added.endsWith("Agreed to the CA's terms of service at " + terms + "."), added);

        org.certbench.core.commands.CommandException both = assertThrows(
                org.certbench.core.commands.CommandException.class, () -> shell.acme("", true, "", "",
                        work.toString(), 8080, "127.0.0.1", "pebble-both", pebble.directory().toString()));
        assertEquals("Give exactly one of --webroot DIR (the web server's document root) and --standalone PORT "
                + "(a listener CertBench opens while the CA validates).", both.getMessage());
        org.certbench.core.commands.CommandException halfEab = assertThrows(
                org.certbench.core.commands.CommandException.class, () -> shell.acme("", true, "kid", "",
                        "", 8080, "127.0.0.1", "pebble-eab", pebble.directory().toString()));
        assertEquals("An External Account Binding needs both --eab-kid ID and --eab-hmac-file FILE.",
                halfEab.getMessage());
    }

    @Test
    void ipAddressesAreLeftOutOfTheOrderAndARequestThatAsksForThemIsRefusedInWords() throws Exception {
        add("pebble-addresses", new Standalone("127.0.0.1", pebble.httpPort()));
        Issuer issuer = issuers.get("pebble-addresses");
        KeyPair key = PrivateKeys.generate(KeyType.EC_P256);
        CertificationRequest withAddress = CertificationRequests.create(new HostIdentity("www.ip.test",
                "www.ip.test", List.of(java.net.InetAddress.getByName("127.0.0.1"))), CsrOptions.defaults(), key);

        IssuerException onlyAddresses = assertThrows(IssuerException.class, () -> issuer.issue(withAddress,
                IssueRequest.of(IssueKind.HOST, List.of("127.0.0.1", "::1")), IssueMonitor.NONE));
        assertEquals("The ACME issuer pebble-addresses cannot issue for 127.0.0.1, ::1: ACME proves control of DNS "
                + "names, and IP addresses are left out of the order; give the service a DNS name.",
                onlyAddresses.getMessage());
        IssuerException asksForAddress = assertThrows(IssuerException.class, () -> issuer.issue(withAddress,
                IssueRequest.of(IssueKind.HOST, List.of("www.ip.test", "127.0.0.1")), IssueMonitor.NONE));
        assertEquals("The certificate signing request given to the ACME issuer pebble-addresses asks for IP "
                + "addresses (127.0.0.1): an ACME CA validates DNS names only here, so make the request for the DNS "
                + "names alone.", asksForAddress.getMessage());
        IssuerException otherNames = assertThrows(IssuerException.class, () -> issuer.issue(csr("www.other.test",
                key), IssueRequest.of(IssueKind.HOST, List.of("www.ip.test", "127.0.0.1")), IssueMonitor.NONE));
        assertEquals("The certificate signing request given to the ACME issuer pebble-addresses names "
                + "www.other.test, but the order is for www.ip.test: the CA signs only a request for exactly the "
                + "ordered names.", otherNames.getMessage());
    }

    private static Issuer add(String name, HttpChallenge challenge) throws IssuerException {
        return acme.add(new AcmeIssuerSettings(name, pebble.directory(), Optional.of("admin@example.org"), true,
                Optional.empty(), challenge));
    }

    /** The issuer's refusal of a certificate for {@code name}, asked with a fresh key. */
    private static IssuerException refusal(String issuer, String name, IssueMonitor monitor) {
        return assertThrows(IssuerException.class, () -> issuers.get(issuer).issue(csr(name,
                PrivateKeys.generate(KeyType.EC_P256)), IssueRequest.of(IssueKind.HOST, List.of(name)), monitor));
    }

    private static CertificationRequest csr(String name, KeyPair key) throws Exception {
        return CertificationRequests.create(new HostIdentity(name, name, List.of()), CsrOptions.defaults(), key);
    }

    /** By the crypto core and, independently, by {@code openssl verify} against pebble's root from its API. */
    private static void assertChainsToPebblesRoot(IssuedChain issued) throws Exception {
        HttpResponse<String> root = outbound.httpClient().send(HttpRequest.newBuilder(pebble.management("/roots/0"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, root.statusCode(), root.body());
        Certificate pebbleRoot = Certificates.read(root.body().getBytes(StandardCharsets.US_ASCII), "roots/0")
                .certificate();
        List<Certificate> chain = issued.chain();
        assertTrue(!chain.isEmpty(), "no chain");
        assertTrue(issued.certificate().isSignedBy(chain.get(0)));
        assertTrue(chain.get(chain.size() - 1).isSignedBy(pebbleRoot), chain.get(chain.size() - 1).toString());

        Path directory = Files.createTempDirectory(work, "verify");
        Files.writeString(directory.resolve("root.pem"), pebbleRoot.pem());
        Files.writeString(directory.resolve("chain.pem"),
                chain.stream().map(Certificate::pem).reduce("", String::concat));
        Files.writeString(directory.resolve("leaf.pem"), issued.certificate().pem());
        String verified = Openssl.run(directory, "verify", "-CAfile", "root.pem", "-untrusted", "chain.pem",
                "leaf.pem");
        assertTrue(verified.contains("leaf.pem: OK"), verified);
    }
}
