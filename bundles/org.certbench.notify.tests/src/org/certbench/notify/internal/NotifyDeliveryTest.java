package org.certbench.notify.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditLog;
import org.certbench.core.JsonReader;
import org.certbench.core.commands.CommandException;
import org.certbench.crypto.Certificate;
import org.certbench.expiry.ContributedCertificate;
import org.certbench.expiry.ExpiryContributor;
import org.certbench.expiry.ExpiryOverview;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.ExpiryWarning;
import org.certbench.expiry.WarnedCertificate;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessages;
import org.certbench.notify.Channel;
import org.certbench.notify.Delivery;
import org.certbench.notify.EmailSettings;
import org.certbench.notify.NotifyException;
import org.certbench.notify.SmtpSecurity;
import org.certbench.notify.WebhookAuth;
import org.certbench.notify.WebhookFormat;
import org.certbench.notify.WebhookSettings;
import org.certbench.notify.internal.commands.ChannelLine;
import org.certbench.notify.internal.commands.NotifyCommands;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.osgi.ServiceLayering;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.ProxySettings;
import org.certbench.truststore.TrustStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Notifications end to end against real servers on 127.0.0.1: Debian's aiosmtpd requiring STARTTLS and AUTH, and the
 * JDK's HTTPS server, both with certificates of a test CA that is in CertBench's CA store, and a second pair whose
 * CA is not. The outbound TLS is the trust store's own service.
 */
class NotifyDeliveryTest {

    private static final String PASSWORD = "s3cret-Pa55word";
    private static final String HMAC_KEY = "hmac-key-0123456789";
    private static final String CA = "Notify Test CA";
    private static final String STRANGER = "Notify Stranger CA";
    /** A name only squid resolves (its hosts file): a webhook to it arrives through the proxy or not at all. */
    private static final String PROXIED_HOST = "notify-receiver.test";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    static Path work;

    private static OutboundTls tls;
    private static Process smtpd;
    private static int smtpPort;
    private static int strangerSmtpPort;
    private static int implicitTlsPort;
    private static int wrongNamePort;
    private static int plainPort;
    private static int noStartTlsPort;
    private static Path mails;
    private static SSLContext trustedServer;
    private static SSLContext strangerServer;
    private static HttpsServer https;
    private static HttpsServer strangerHttps;
    private static final List<Received> POSTS = new CopyOnWriteArrayList<>();

    /** One POST the HTTPS server took. */
    private record Received(String path, Map<String, List<String>> headers, byte[] body) {
    }

    /** A clock the test moves, so that a retry's backoff passes without waiting. */
    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    @BeforeAll
    static void servers() throws Exception {
        var bundle = FrameworkUtil.getBundle(NotifyDeliveryTest.class);
        TrustStore store = ServiceLayering.service(bundle, TrustStore.class);
        tls = ServiceLayering.service(bundle, OutboundTls.class);
        tls.setProxy(ProxySettings.NONE);
        KeyPair caKey = PkiFixtures.freshEc();
        KeyPair strangerKey = PkiFixtures.freshEc();
        byte[] ca = ca(CA, caKey);
        store.importCertificate(Files.write(work.resolve("ca.der"), ca));
        KeyPair serverKey = PkiFixtures.freshEc();
        byte[] server = leaf(serverKey, CA, caKey);
        byte[] stranger = leaf(serverKey, STRANGER, strangerKey);
        trustedServer = serverContext(serverKey, server, ca);
        strangerServer = serverContext(serverKey, stranger, ca(STRANGER, strangerKey));

        mails = Files.createDirectories(work.resolve("mails"));
        Path script = work.resolve("smtpd.py");
        try (InputStream in = NotifyDeliveryTest.class.getResourceAsStream("smtpd.py")) {
            Files.write(script, in.readAllBytes());
        }
        Path password = secretFile("smtp-password", PASSWORD + "\n");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), mails.toString(),
                password.toString()));
        // for implicit TLS a certificate naming the address only: reached as "localhost", its name does not match
        byte[] addressOnly = PkiFixtures.certificate("CN=127.0.0.1").key(serverKey).issuedBy("CN=" + CA, caKey)
                .ip(new byte[] { 127, 0, 0, 1 }).purpose(KeyPurposeId.id_kp_serverAuth)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).build();
        command.addAll(serverFiles("trusted", server, serverKey, "starttls"));
        command.addAll(serverFiles("stranger", stranger, serverKey, "starttls"));
        command.addAll(serverFiles("implicit", addressOnly, serverKey, "tls"));
        command.addAll(serverFiles("wrongname", addressOnly, serverKey, "starttls"));
        command.addAll(List.of("relay", "-", "-", "plain"));
        command.addAll(List.of("clear", "-", "-", "nostarttls"));
        smtpd = new ProcessBuilder(command).redirectError(work.resolve("smtpd.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(smtpd.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertTrue(ready != null && ready.startsWith("ready "), () -> log("smtpd.log"));
        Map<String, Integer> ports = new java.util.HashMap<>();
        for (String entry : ready.substring("ready ".length()).split(" ")) {
            int equals = entry.indexOf('=');
            ports.put(entry.substring(0, equals), Integer.valueOf(entry.substring(equals + 1)));
        }
        smtpPort = ports.get("trusted");
        strangerSmtpPort = ports.get("stranger");
        implicitTlsPort = ports.get("implicit");
        wrongNamePort = ports.get("wrongname");
        plainPort = ports.get("relay");
        noStartTlsPort = ports.get("clear");

        https = https(trustedServer, 0);
        strangerHttps = https(strangerServer, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        if (smtpd != null) {
            smtpd.getOutputStream().close();
            if (!smtpd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                smtpd.destroyForcibly();
            }
        }
        for (HttpsServer server : new HttpsServer[] { https, strangerHttps }) {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void oneDigestPerCheckByMailOverStartTlsAndNeverTwice() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        messages.post(Severity.WARNING, "CA certificates", "posted before the channel existed", "old");
        NotifyService notify = new NotifyService(work.resolve("mail-home"), messages, tls, new MovableClock());
        Path passwordFile = secretFile("password", PASSWORD + "\n");
        notify.addEmail(new EmailSettings("ops", List.of("ops@example.org", "pager@example.org"),
                "certbench@example.org", "127.0.0.1", smtpPort, SmtpSecurity.STARTTLS, "alerts", passwordFile));
        for (int agent = 1; agent <= 300; agent++) {
            messages.post(Severity.WARNING, "Agents", "The certificate of agent 'agent-" + agent
                    + "' expires in 6 days.", "expiry.agent.expires:agent-" + agent + ":7");
        }
        messages.post(Severity.ERROR, "CA certificates", "The CA certificate 'Old Root' expired.", null);
        messages.post(Severity.INFO, "Host services", "only for the record", null);

        Delivery first = notify.deliver();

        assertEquals(new Delivery(1, 1, 0, List.of()), first);
        List<Path> received = mailsOf("trusted");
        assertEquals(1, received.size(), "300 agents expiring are one mail");
        String mail = Files.readString(received.get(0), StandardCharsets.UTF_8);
        assertTrue(mail.contains("Subject: CertBench: 301 new system messages (1 error, 300 warnings)"), mail);
        assertTrue(mail.contains("To: ops@example.org, pager@example.org"), mail);
        assertTrue(mail.contains("The certificate of agent 'agent-1' expires in 6 days."), mail);
        assertTrue(mail.contains("The certificate of agent 'agent-300' expires in 6 days."), mail);
        assertTrue(mail.contains("ERROR | CA certificates | "), mail);
        assertFalse(mail.contains("only for the record"), "info messages are not sent");
        assertFalse(mail.contains("posted before the channel existed"), "the bell's history is not sent");
        assertFalse(mail.contains(PASSWORD));

        messages.post(Severity.WARNING, "Host services", "The certificate of nginx expires in 13 days.", null);
        assertEquals(new Delivery(1, 1, 0, List.of()), notify.deliver());
        assertEquals(new Delivery(0, 0, 0, List.of()), notify.deliver(), "nothing is sent twice");
        received = mailsOf("trusted");
        assertEquals(2, received.size());
        String second = Files.readString(received.get(1), StandardCharsets.UTF_8);
        assertTrue(second.contains("Subject: CertBench: The certificate of nginx expires in 13 days."), second);
        assertFalse(second.contains("agent-1'"), second);

        // the secret: stored readable by the user only, shown as "set", never printed
        Path stored = work.resolve("mail-home/secrets/ops");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
        List<ChannelLine> listed = new NotifyCommands(notify).list().rows();
        assertEquals(List.of(new ChannelLine("ops", "email",
                "ops@example.org, pager@example.org via 127.0.0.1:" + smtpPort + " (starttls)", "set", 0, "")),
                listed);
        for (Path file : Files.walk(work.resolve("mail-home")).filter(Files::isRegularFile).toList()) {
            if (!file.equals(stored)) {
                assertFalse(Files.readString(file).contains(PASSWORD), file.toString());
            }
        }
        assertEquals("A test email went to ops@example.org, pager@example.org through 127.0.0.1:" + smtpPort + ".",
                notify.test("ops"));
    }

    @Test
    void implicitTlsChecksTheHostName() throws Exception {
        NotifyService notify = new NotifyService(work.resolve("tls-home"), new RecordedMessages(), tls,
                new MovableClock());
        Path passwordFile = secretFile("password3", PASSWORD);
        notify.addEmail(new EmailSettings("byName", List.of("ops@example.org"), "certbench@example.org", "localhost",
                implicitTlsPort, SmtpSecurity.TLS, "alerts", passwordFile));
        notify.addEmail(new EmailSettings("byAddress", List.of("ops@example.org"), "certbench@example.org",
                "127.0.0.1", implicitTlsPort, SmtpSecurity.TLS, "alerts", passwordFile));

        NotifyException wrongName = assertThrows(NotifyException.class, () -> notify.test("byName"));
        assertEquals("The email to ops@example.org through localhost:" + implicitTlsPort + " failed: The certificate"
                + " of localhost is not trusted: the server certificate '127.0.0.1' does not name localhost: it holds"
                + " IP:127.0.0.1.", wrongName.getMessage());
        assertTrue(mailsOf("implicit").isEmpty());
        notify.test("byAddress");
        List<Path> received = mailsOf("implicit");
        assertEquals(1, received.size());
        assertTrue(Files.readString(received.get(0)).contains("Subject: CertBench test message"));
    }

    @Test
    void webhookSignedWithHmacAndSlackFormat() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        ExpiryOverview expiry = ServiceLayering.service(FrameworkUtil.getBundle(NotifyDeliveryTest.class),
                ExpiryOverview.class);
        ExpiryRow testCa = expiry.rows().rows().stream().filter(r -> r.kind().equals("ca") && r.name().equals(CA))
                .findFirst().orElseThrow();
        NotifyService notify = new NotifyService(work.resolve("hook-home"), messages, tls, new MovableClock(),
                expiry);
        Path secret = secretFile("hmac", HMAC_KEY + "\n");
        Path header = secretFile("authorization", "Bearer token-42\n");
        notify.addWebhook(new WebhookSettings("generic", url(https, "/generic/T0KEN"), WebhookFormat.GENERIC,
                WebhookAuth.HMAC, secret, null, "https://wiki.example.org/runbooks/{kind}?id={id}&name={name}"));
        notify.addWebhook(new WebhookSettings("chat", url(https, "/slack"), WebhookFormat.SLACK, WebhookAuth.HEADER,
                header, null, "https://wiki.example.org/certs/{id}"));
        messages.post(Severity.WARNING, "CA certificates", "The CA certificate 'Corp Root' expires in 20 days.",
                "truststore.expires:abc123:30");
        messages.post(Severity.ERROR, "Agents", "Agent 'db-1' cannot be reached.", null);
        messages.post(Severity.WARNING, "CA certificates", "The CA certificate 'Notify Test CA' expires soon.",
                "truststore.expires:" + testCa.id() + ":30");
        POSTS.clear();

        assertEquals(new Delivery(2, 2, 0, List.of()), notify.deliver());

        Received generic = POSTS.stream().filter(p -> p.path().startsWith("/generic")).findFirst().orElseThrow();
        // what a receiver checks (README): the signature over timestamp "." body, and a timestamp it accepts
        String timestamp = String.valueOf(NOW.getEpochSecond());
        assertEquals(List.of(timestamp), generic.headers().get("X-certbench-timestamp"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("sha256=" + HexFormat.of().formatHex(mac.doFinal(generic.body()))),
                generic.headers().get("X-certbench-signature"));
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(new String(generic.body(), StandardCharsets.UTF_8));
        assertEquals("certbench.digest", json.get("event"));
        assertEquals(3L, json.get("count"));
        List<?> items = (List<?>) json.get("messages");
        Map<?, ?> expiring = (Map<?, ?>) items.get(0);
        assertEquals("certificate.expires", expiring.get("event"));
        assertEquals("The CA certificate 'Corp Root' expires in 20 days.", expiring.get("message"));
        String caAction = "Import its successor (ca:import FILE): connections whose chain ends at it are not verified"
                + " once it has expired.";
        // a certificate the overview no longer holds (renewed meanwhile): what its key says
        assertEquals(Map.of("kind", "ca", "id", "abc123", "within_days", 30L, "action", caAction, "command",
                "expiry:list --kind ca"), expiring.get("certificate"));
        assertEquals("https://wiki.example.org/runbooks/ca?id=abc123&name=", expiring.get("runbook"));
        assertEquals("https://wiki.example.org/runbooks/?id=&name=", ((Map<?, ?>) items.get(1)).get("runbook"),
                "a message of no certificate: the placeholders empty");
        assertEquals("https://wiki.example.org/runbooks/ca?id=" + encoded(testCa.id()) + "&name=Notify%20Test%20CA",
                ((Map<?, ?>) items.get(2)).get("runbook"), "filled URL-encoded");
        assertEquals("system.message", ((Map<?, ?>) items.get(1)).get("event"));
        Map<?, ?> known = (Map<?, ?>) ((Map<?, ?>) items.get(2)).get("certificate");
        assertEquals("certificate.expires", ((Map<?, ?>) items.get(2)).get("event"));
        assertEquals("ca", known.get("kind"));
        assertEquals(testCa.id(), known.get("id"));
        assertEquals(CA, known.get("name"));
        assertEquals("CN=" + CA, known.get("subject"));
        assertEquals(testCa.certificate().sha256Fingerprint(), known.get("sha256"));
        assertEquals(testCa.notAfter().toString(), known.get("not_after"));
        assertEquals(Math.floorDiv(Duration.between(NOW, testCa.notAfter()).toSeconds(), 86_400L),
                known.get("days_left"), "whole days left when the digest was gathered (the service's clock)");
        assertEquals(30L, known.get("within_days"));
        assertEquals(testCa.usedAt(), known.get("used_at"));
        assertEquals(caAction, known.get("action"));
        assertEquals("expiry:list --kind ca", known.get("command"));

        Received slack = POSTS.stream().filter(p -> p.path().equals("/slack")).findFirst().orElseThrow();
        assertEquals(List.of("Bearer token-42"), slack.headers().get("Authorization"));
        Map<?, ?> text = (Map<?, ?>) JsonReader.parse(new String(slack.body(), StandardCharsets.UTF_8));
        assertEquals(Map.of("text", "CertBench: 3 new system messages\n\u2022 WARNING: The CA certificate 'Corp Root'"
                + " expires in 20 days.\n   What to do: https://wiki.example.org/certs/abc123\n\u2022 ERROR: Agent 'db-1'"
                + " cannot be reached.\n   What to do: https://wiki.example.org/certs/\n\u2022 WARNING: The CA"
                + " certificate 'Notify Test CA' expires soon.\n   What to do: https://wiki.example.org/certs/"
                + encoded(testCa.id())), text);
        assertEquals(List.of("https://127.0.0.1:" + https.getAddress().getPort() + "/\u2026 (generic)"),
                notify.channels().stream().filter(c -> c.name().equals("generic")).map(Channel::target).toList(),
                "the URL's path (a token, for Slack) is not shown");
    }

    /**
     * A mass crossing (more than 10 certificates of one kind in one check) is one summary message: the mail and the
     * webhook still list its certificates (name, id, days left), the first 100 and how many more, as the expiry
     * overview names them; each with the channel's runbook.
     */
    @Test
    void aSummaryListsItsCertificatesInTheMailAndTheWebhook() throws Exception {
        var bundle = FrameworkUtil.getBundle(NotifyDeliveryTest.class);
        ExpiryOverview expiry = ServiceLayering.service(bundle, ExpiryOverview.class);
        SystemMessages bell = ServiceLayering.service(bundle, SystemMessages.class);
        NotifyService notify = new NotifyService(work.resolve("summary-home"), bell, tls, new MovableClock(), expiry);
        notify.addEmail(new EmailSettings("ops", List.of("ops@example.org"), "certbench@example.org", "127.0.0.1",
                smtpPort, SmtpSecurity.STARTTLS, "alerts", secretFile("summary-password", PASSWORD), null,
                "https://wiki.example.org/{kind}"));
        notify.addWebhook(new WebhookSettings("siem", url(https, "/summary"), WebhookFormat.GENERIC, WebhookAuth.NONE,
                null, null, "https://wiki.example.org/{kind}/{id}"));
        Instant notAfter = NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(12));
        Certificate issued = Certificate.fromDer(PkiFixtures.certificate("CN=lab")
                .validity(NOW.minus(Duration.ofDays(365)), notAfter).build(), "lab");
        List<ContributedCertificate> lab = new ArrayList<>();
        for (int i = 1; i <= 105; i++) {
            lab.add(new ContributedCertificate(String.format("lab%03d", i), String.format("Lab %03d", i), "rack " + i,
                    issued, null));
        }
        ServiceRegistration<ExpiryContributor> registration = bundle.getBundleContext()
                .registerService(ExpiryContributor.class, new ExpiryContributor() {
                    @Override
                    public String kind() {
                        return "lab";
                    }

                    @Override
                    public List<ContributedCertificate> certificates() {
                        return lab;
                    }
                }, null);
        try {
            expiry.check();
        } finally {
            registration.unregister();
        }
        POSTS.clear();
        int mailsBefore = mailsOf("trusted").size();

        Delivery delivery = notify.deliver();

        assertEquals(2, delivery.sent(), delivery.problems().toString());
        String mail = Files.readString(mailsOf("trusted").get(mailsBefore), StandardCharsets.UTF_8);
        assertTrue(mail.contains("105 lab certificates expire within 7 days: Lab 001, Lab 002"), mail);
        assertTrue(mail.contains("  - Lab 001 (lab001), 5 days left"), mail);
        assertTrue(mail.contains("  - Lab 100 (lab100), 5 days left"), mail);
        assertFalse(mail.contains("(lab101)"), "the first 100 listed");
        assertTrue(mail.contains("  ... and 5 more (every one of them: expiry:list --kind lab)"), mail);
        assertTrue(mail.contains("What to do: https://wiki.example.org/lab"), mail);

        Received post = POSTS.stream().filter(p -> p.path().equals("/summary")).findFirst().orElseThrow();
        Map<?, ?> json = (Map<?, ?>) JsonReader.parse(new String(post.body(), StandardCharsets.UTF_8));
        Map<?, ?> message = ((List<?>) json.get("messages")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> "certificate.summary".equals(m.get("event"))).findFirst().orElseThrow();
        assertNull(message.get("certificate"));
        assertEquals("https://wiki.example.org/lab/", message.get("runbook"));
        Map<?, ?> summary = (Map<?, ?>) message.get("summary");
        assertEquals("lab", summary.get("kind"));
        assertEquals(7L, summary.get("within_days"));
        assertEquals(105L, summary.get("count"));
        assertEquals(5L, summary.get("omitted"));
        assertEquals("Renew it with the tool that manages it.", summary.get("action"));
        assertEquals("expiry:list --kind lab", summary.get("command"));
        List<?> listed = (List<?>) summary.get("certificates");
        assertEquals(100, listed.size());
        assertEquals(Map.of("id", "lab001", "name", "Lab 001", "sha256", issued.sha256Fingerprint(), "not_after",
                notAfter.toString(), "days_left", 5L), listed.get(0));

        // the agents' pinned self-signed summary is an event of its own, with its agents
        Map<String, Object> selfSigned = WarningFacts.of(new ExpiryWarning("expiry.agent.selfsigned:" + "0".repeat(64),
                ExpiryWarning.SELF_SIGNED, "agent", 7, List.of(new WarnedCertificate("agent", "db1", "db 1", null,
                        NOW.plus(Duration.ofDays(3)), null)), "Switch them.", "expiry:list --kind agent"), NOW);
        assertEquals("certificate.selfsigned", selfSigned.get("event"));
        assertEquals(List.of(Map.of("id", "db1", "name", "db 1", "not_after", NOW.plus(Duration.ofDays(3)).toString(),
                "days_left", 3L)), ((Map<?, ?>) selfSigned.get("summary")).get("certificates"));
    }

    @Test
    void serversWhoseCaIsNotInTheStoreAreRefusedInWords() throws Exception {
        NotifyService notify = new NotifyService(work.resolve("refused-home"), new RecordedMessages(), tls,
                new MovableClock());
        Path passwordFile = secretFile("password2", PASSWORD);
        notify.addEmail(new EmailSettings("mail", List.of("ops@example.org"), "certbench@example.org", "127.0.0.1",
                strangerSmtpPort, SmtpSecurity.STARTTLS, "alerts", passwordFile));
        notify.addWebhook(new WebhookSettings("hook", url(strangerHttps, "/x"), WebhookFormat.GENERIC,
                WebhookAuth.NONE, null));
        // the SMTP server sends its own certificate only, the HTTPS server its CA too: the first sentence is the same
        String untrusted = "The certificate of 127.0.0.1 was issued by '" + STRANGER
                + "', which is not in the CA certificates.";

        NotifyException mail = assertThrows(NotifyException.class, () -> notify.test("mail"));
        String mailFailure = "The email to ops@example.org through 127.0.0.1:" + strangerSmtpPort + " failed: ";
        assertTrue(mail.getMessage().startsWith(mailFailure + untrusted), mail.getMessage());
        NotifyException hook = assertThrows(NotifyException.class, () -> notify.test("hook"));
        String hookFailure = "The webhook https://127.0.0.1:" + strangerHttps.getAddress().getPort()
                + "/\u2026 could not be reached: ";
        assertTrue(hook.getMessage().startsWith(hookFailure + untrusted), hook.getMessage());
        assertTrue(mailsOf("stranger").isEmpty());
    }

    @Test
    void aChannelDownThenUpReceivesWhatWaitedInTheOutbox() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        MovableClock clock = new MovableClock();
        NotifyService notify = new NotifyService(work.resolve("down-home"), messages, tls, clock);
        int port = freePort();
        URI url = URI.create("https://127.0.0.1:" + port + "/down");
        notify.addWebhook(new WebhookSettings("later", url, WebhookFormat.GENERIC, WebhookAuth.NONE, null));
        messages.post(Severity.WARNING, "Host services", "first warning", null);

        Delivery down = notify.deliver();

        assertEquals(1, down.queued());
        assertEquals(0, down.sent());
        assertEquals(1, down.waiting());
        String failure = "The notification channel 'later' could not deliver a digest of 1 message (attempt 1): "
                + "The webhook https://127.0.0.1:" + port + "/\u2026 could not be reached: the connection was refused"
                + " (nothing listens on that port, or a firewall refuses it). CertBench tries again after ";
        assertTrue(down.problems().get(0).startsWith(failure), down.problems().toString());
        assertTrue(messages.texts().stream().anyMatch(t -> t.startsWith(failure)), "its failure is a system message");
        assertEquals(1, notify.channels().get(0).waiting());
        assertEquals("The webhook https://127.0.0.1:" + port + "/\u2026 could not be reached: the connection was refused"
                + " (nothing listens on that port, or a firewall refuses it)", notify.channels().get(0).failure());

        messages.post(Severity.WARNING, "Host services", "second warning", null);
        Delivery stillDown = notify.deliver();
        assertEquals(new Delivery(1, 0, 2, List.of()), stillDown, "not retried before its backoff");
        assertEquals(1, messages.texts().stream().filter(t -> t.startsWith(failure)).count());

        HttpsServer up = https(trustedServer, port);
        try {
            POSTS.clear();
            clock.pass(NotifyService.FIRST_RETRY);
            assertEquals(new Delivery(0, 2, 0, List.of()), notify.deliver());
            List<String> bodies = POSTS.stream().map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
            assertEquals(2, bodies.size());
            assertTrue(bodies.get(0).contains("first warning"), bodies.get(0));
            assertTrue(bodies.get(1).contains("second warning"), bodies.get(1));
            assertFalse(String.join("", bodies).contains("could not deliver"), "its own failure is not notified");
            assertEquals(0, notify.channels().get(0).waiting());
        } finally {
            up.stop(0);
        }
    }

    @Test
    void aReceiverThatSendsHeadersThenStallsTimesOutInWords() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpsServer stalling = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stalling.setHttpsConfigurator(new HttpsConfigurator(trustedServer));
        stalling.setExecutor(Executors.newCachedThreadPool());
        stalling.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readNBytes(1 << 20);
                exchange.sendResponseHeaders(200, 1000);
                exchange.getResponseBody().flush();
                release.await(); // the body promised never comes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        stalling.start();
        try {
            RecordedMessages messages = new RecordedMessages();
            NotifyService notify = new NotifyService(work.resolve("stall-home"), messages, tls, new MovableClock());
            // the channel's own timeout, short so that the suite does not wait out the 30 s default
            notify.addWebhook(new WebhookSettings("stall", url(stalling, "/hook"), WebhookFormat.GENERIC,
                    WebhookAuth.NONE, null, Duration.ofSeconds(2)));
            messages.post(Severity.WARNING, "Host services", "a warning", null);

            Delivery delivery = notify.deliver();

            assertEquals(0, delivery.sent());
            assertEquals(1, delivery.waiting());
            assertTrue(delivery.problems().get(0).contains("The webhook https://127.0.0.1:"
                    + stalling.getAddress().getPort() + "/\u2026 did not answer within 2 seconds."),
                    delivery.problems().toString());
        } finally {
            release.countDown();
            stalling.stop(0);
        }
    }

    @Test
    void certificateNamesAreNotSlackMarkup() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        NotifyService notify = new NotifyService(work.resolve("markup-home"), messages, tls, new MovableClock());
        notify.addWebhook(new WebhookSettings("markup", url(https, "/markup"), WebhookFormat.SLACK, WebhookAuth.NONE,
                null));
        messages.post(Severity.WARNING, "Host services",
                "The certificate 'CN=<!channel> <https://x|y> a&b @here' expires in 3 days.", null);
        POSTS.clear();

        assertEquals(1, notify.deliver().sent());

        Received slack = POSTS.stream().filter(p -> p.path().equals("/markup")).findFirst().orElseThrow();
        Map<?, ?> text = (Map<?, ?>) JsonReader.parse(new String(slack.body(), StandardCharsets.UTF_8));
        assertEquals("CertBench: 1 new system message\n\u2022 WARNING: The certificate 'CN=&lt;!channel&gt;"
                + " &lt;https://x|y&gt; a&amp;b @\u200Bhere' expires in 3 days.", text.get("text"));
    }

    @Test
    void aMissingSecretFailsItsChannelInWordsAndTheOthersStillDeliver() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        Path home = work.resolve("nosecret-home");
        NotifyService notify = new NotifyService(home, messages, tls, new MovableClock());
        Path secret = secretFile("hmac-gone", HMAC_KEY);
        notify.addWebhook(new WebhookSettings("signed", url(https, "/signed"), WebhookFormat.GENERIC,
                WebhookAuth.HMAC, secret));
        notify.addWebhook(new WebhookSettings("plain", url(https, "/plain"), WebhookFormat.GENERIC, WebhookAuth.NONE,
                null));
        Path stored = home.resolve("secrets/signed");
        Files.delete(stored);
        messages.post(Severity.WARNING, "Host services", "a warning for both", null);
        POSTS.clear();

        Delivery delivery = notify.deliver();

        assertEquals(1, delivery.sent(), delivery.problems().toString());
        assertEquals(1, delivery.waiting());
        assertTrue(POSTS.stream().anyMatch(p -> p.path().equals("/plain")));
        assertFalse(POSTS.stream().anyMatch(p -> p.path().equals("/signed")));
        String why = "The notification channel 'signed' could not deliver a digest of 1 message (attempt 1): The"
                + " channel's secret file " + stored + " is missing: give the channel 'signed' its secret again";
        assertTrue(delivery.problems().get(0).startsWith(why), delivery.problems().toString());
        assertTrue(messages.texts().stream().anyMatch(t -> t.startsWith(why)), "the bell says why");
    }

    /**
     * The attacker: a server that greets without end, one byte at a time, each well within the socket's read timeout,
     * so only a bound on the whole exchange ends it.
     */
    @Test
    void anSmtpServerThatTricklesIsCutOffAtTheChannelsTimeoutInWords() throws Exception {
        CountDownLatch cutOff = new CountDownLatch(1);
        try (ServerSocket trickler = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = trickling(trickler, new CountDownLatch(1), cutOff);
            RecordedMessages messages = new RecordedMessages();
            NotifyService notify = new NotifyService(work.resolve("trickle-home"), messages, tls, new MovableClock());
            // the channel's own bound, short so that the suite does not wait out the default
            notify.addEmail(new EmailSettings("slow", List.of("ops@example.org"), "certbench@example.org",
                    "127.0.0.1", trickler.getLocalPort(), SmtpSecurity.PLAIN, null, null, Duration.ofSeconds(2)));
            messages.post(Severity.WARNING, "Host services", "a warning", null);

            Delivery delivery = notify.deliver();

            assertEquals(0, delivery.sent());
            assertEquals(1, delivery.waiting(), "the digest waits for the next try");
            assertTrue(delivery.problems().get(0).contains("The email to ops@example.org through 127.0.0.1:"
                    + trickler.getLocalPort() + " was given up: the server did not finish within 2 seconds."),
                    delivery.problems().toString());
            assertTrue(cutOff.await(30, java.util.concurrent.TimeUnit.SECONDS), "the connection was closed");
            server.interrupt();
        }
    }

    /**
     * Implicit TLS: the handshake completes, then the greeting trickles, a byte at a time within every read timeout;
     * only the bound on the whole exchange ends it.
     */
    @Test
    void anImplicitTlsServerThatTricklesAfterItsHandshakeIsCutOffAtTheChannelsTimeoutInWords() throws Exception {
        CountDownLatch handshaken = new CountDownLatch(1);
        CountDownLatch cutOff = new CountDownLatch(1);
        try (ServerSocket trickler = trustedServer.getServerSocketFactory().createServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread server = trickling(trickler, handshaken, cutOff);
            RecordedMessages messages = new RecordedMessages();
            NotifyService notify = new NotifyService(work.resolve("tls-trickle-home"), messages, tls,
                    new MovableClock());
            notify.addEmail(new EmailSettings("slowTls", List.of("ops@example.org"), "certbench@example.org",
                    "127.0.0.1", trickler.getLocalPort(), SmtpSecurity.TLS, null, null, Duration.ofSeconds(2)));
            messages.post(Severity.WARNING, "Host services", "a warning", null);

            Delivery delivery = notify.deliver();

            assertEquals(0, delivery.sent());
            assertEquals(1, delivery.waiting(), "the digest waits for the next try");
            assertTrue(delivery.problems().get(0).contains("The email to ops@example.org through 127.0.0.1:"
                    + trickler.getLocalPort() + " was given up: the server did not finish within 2 seconds."),
                    delivery.problems().toString());
            assertEquals(0, handshaken.getCount(), "the TLS handshake was done: the stall came after it");
            assertTrue(cutOff.await(30, java.util.concurrent.TimeUnit.SECONDS), "the connection was closed");
            server.interrupt();
        }
    }

    /**
     * A server on {@code socket} that takes one client (a TLS one through its handshake, then counting
     * {@code handshaken} down) and sends it "220-still greeting" a byte every 100 ms, until the client closes the
     * connection ({@code cutOff}).
     */
    private static Thread trickling(ServerSocket socket, CountDownLatch handshaken, CountDownLatch cutOff) {
        Thread server = new Thread(() -> {
            try (java.net.Socket client = socket.accept(); OutputStream out = client.getOutputStream()) {
                if (client instanceof javax.net.ssl.SSLSocket tlsClient) {
                    tlsClient.startHandshake();
                    handshaken.countDown();
                }
                byte[] line = "220-still greeting\r\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0;; i = (i + 1) % line.length) {
                    out.write(line[i]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                cutOff.countDown(); // the client closed the connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "trickling SMTP server");
        server.setDaemon(true);
        server.start();
        return server;
    }

    @Test
    void aChannelsFailureReachesTheOtherChannelsButNotItself() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        NotifyService notify = new NotifyService(work.resolve("relay-home"), messages, tls, new MovableClock());
        int port = freePort();
        notify.addWebhook(new WebhookSettings("down", URI.create("https://127.0.0.1:" + port + "/down"),
                WebhookFormat.GENERIC, WebhookAuth.NONE, null));
        notify.addWebhook(new WebhookSettings("up", url(https, "/up"), WebhookFormat.GENERIC, WebhookAuth.NONE,
                null));
        messages.post(Severity.WARNING, "Host services", "first warning", null);
        POSTS.clear();
        assertEquals(1, notify.deliver().sent());

        Delivery next = notify.deliver();

        assertEquals(1, next.sent(), next.problems().toString());
        List<String> bodies = POSTS.stream().filter(p -> p.path().equals("/up"))
                .map(p -> new String(p.body(), StandardCharsets.UTF_8)).toList();
        assertEquals(2, bodies.size());
        assertTrue(bodies.get(1).contains("The notification channel 'down' could not deliver a digest of 1 message"),
                bodies.get(1));
        assertEquals(1, notify.channels().stream().filter(c -> c.name().equals("down")).findFirst().orElseThrow()
                .waiting(), "its own failure is not queued for the failed channel");
    }

    @Test
    void badSettingsAreRefusedInWords() throws Exception {
        NotifyService notify = new NotifyService(work.resolve("bad-home"), new RecordedMessages(), tls,
                new MovableClock());
        assertEquals("Plain SMTP sends the messages and any password readable by anyone on the way; it is allowed only"
                + " to a relay on this machine (127.0.0.1, ::1 or localhost), not to 'mail.example.org'. Use"
                + " --starttls or --tls.", refusal(() -> notify.addEmail(new EmailSettings("m", List.of("a@b.org"),
                        "c@d.org", "mail.example.org", 25, SmtpSecurity.PLAIN, null, null))));
        notify.addEmail(new EmailSettings("local", List.of("a@b.org"), "c@d.org", "127.0.0.1", 25, SmtpSecurity.PLAIN,
                null, null));
        assertEquals("'not an address' is not a usable email address.", refusal(() -> notify.addEmail(
                new EmailSettings("m", List.of("not an address"), "c@d.org", "::1", 25, SmtpSecurity.PLAIN, null,
                        null))));
        assertEquals("The channel name '../x' is not usable: use 1 to 64 letters, digits, '.', '_' or '-', not"
                + " starting with '.'.", refusal(() -> notify.addWebhook(new WebhookSettings("../x",
                        URI.create("https://example.org/"), WebhookFormat.GENERIC, WebhookAuth.NONE, null))));
        assertEquals("A webhook must be an https:// URL with a host, not 'http://example.org/\u2026': the messages and"
                + " any secret would otherwise travel readable.", refusal(() -> notify.addWebhook(new WebhookSettings(
                        "h", URI.create("http://example.org/hook"), WebhookFormat.GENERIC, WebhookAuth.NONE, null))));
        Path twoLines = secretFile("two-lines", "Bearer a\r\nX-Evil: 1\n");
        assertEquals("The header file " + twoLines + " must hold one line (the Authorization header's value), without"
                + " control characters.", refusal(() -> notify.addWebhook(new WebhookSettings("h",
                        URI.create("https://example.org/"), WebhookFormat.GENERIC, WebhookAuth.HEADER, twoLines))));
        Path missing = work.resolve("no-such-file");
        assertEquals("The secret file " + missing + " cannot be used: there is no such file", refusal(
                () -> notify.addWebhook(new WebhookSettings("h", URI.create("https://example.org/"),
                        WebhookFormat.GENERIC, WebhookAuth.HMAC, missing))));
        // as it is written with the usual umask: others may read it, so it is no secret and it is refused
        Path shared = Files.writeString(work.resolve("shared-hmac"), HMAC_KEY);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("The secret file " + shared + " cannot be used: others than its owner may read or change it"
                + " (rw-r--r--): it is no secret any more; if others could read it, replace it by a new one (for a key:"
                + " ask its issuer), and keep it with chmod 600 " + shared, refusal(() -> notify.addWebhook(
                        new WebhookSettings("h", URI.create("https://example.org/"), WebhookFormat.GENERIC,
                                WebhookAuth.HMAC, shared))));
        assertEquals("There is no notification channel 'nope'.", refusal(() -> notify.test("nope")));
        assertEquals(List.of("local"), notify.channels().stream().map(Channel::name).toList());
    }

    @Test
    void commandsTakeSecretsFromFilesAndListThemAsSet() throws Exception {
        NotifyService notify = new NotifyService(work.resolve("cmd-home"), new RecordedMessages(), tls,
                new MovableClock());
        NotifyCommands commands = new NotifyCommands(notify);
        Path password = secretFile("cmd-password", PASSWORD);
        assertEquals("The channel 'ops' was saved.", commands.email("a@example.org, b@example.org",
                "c@example.org", "mail.example.org:465", false, true, false, "alerts", password.toString(), "", "", "ops"));
        Path hmac = secretFile("cmd-hmac", HMAC_KEY);
        assertEquals("The channel 'chat' was saved.", commands.webhook("slack", "", hmac.toString(), "", "", "", "chat",
                "https://hooks.example.org/services/T0/B0/XYZ"));
        assertEquals(List.of(new ChannelLine("chat", "webhook", "https://hooks.example.org/\u2026 (slack)", "set", 0, ""),
                new ChannelLine("ops", "email", "a@example.org, b@example.org via mail.example.org:465 (tls)", "set", 0,
                        "")),
                commands.list().rows());
        assertEquals("--to is required.", assertThrows(CommandException.class, () -> commands.email("", "c@example.org",
                "mail.example.org:465", false, false, false, "", "", "", "", "x")).getMessage());
        assertEquals("The format 'teams' is not known: use generic or slack.", assertThrows(CommandException.class,
                () -> commands.webhook("teams", "", "", "", "", "", "h", "https://e.org/")).getMessage());
        for (String timeout : List.of("0", "121", "2.5", "ten")) {
            assertEquals("The webhook timeout '" + (timeout.equals("2.5") ? "2.5" : timeout) + "' (seconds) is not"
                    + " usable: give whole seconds from 1 to 120.", assertThrows(CommandException.class,
                            () -> commands.webhook("generic", "", "", timeout, "", "", "t", "https://e.org/")).getMessage());
        }
        assertEquals("The channel 't' was saved.", commands.webhook("generic", "", "", "7", "", "", "t", "https://e.org/"));
        Map<?, ?> stored = (Map<?, ?>) ((List<?>) JsonReader.parse(Files.readString(
                work.resolve("cmd-home/channels.json")))).stream().filter(c -> "t".equals(((Map<?, ?>) c).get("name")))
                .findFirst().orElseThrow();
        assertEquals(7L, stored.get("timeout"), "the timeout is the channel's own setting");
        for (String timeout : List.of("0", "121", "ten")) {
            assertEquals("The email timeout '" + timeout + "' (seconds) is not usable: give whole seconds from 1 to"
                    + " 120.", assertThrows(CommandException.class, () -> commands.email("a@example.org",
                            "c@example.org", "mail.example.org:465", false, true, false, "", "", timeout, "", "m"))
                            .getMessage());
        }
        assertEquals(60L, ((Map<?, ?>) ((List<?>) JsonReader.parse(Files.readString(work.resolve(
                "cmd-home/channels.json")))).stream().filter(c -> "ops".equals(((Map<?, ?>) c).get("name")))
                .findFirst().orElseThrow()).get("timeout"), "a mail's bound unless set: 60 seconds");
        assertEquals("The SMTP server 'mail.example.org' is not usable: give HOST:PORT with a port between 1 and"
                + " 65535.", assertThrows(CommandException.class, () -> commands.email("a@example.org",
                        "c@example.org", "mail.example.org", false, false, false, "", "", "", "", "x")).getMessage());
        assertEquals("Give one of --starttls, --tls or --plain, not several: they choose how the connection to the"
                + " SMTP server is protected.", assertThrows(CommandException.class, () -> commands.email(
                        "a@example.org", "c@example.org", "mail.example.org:465", true, true, false, "", "", "", "", "x"))
                        .getMessage());
        assertEquals("'https://hooks.example.org/\u2026' is not a URL.", assertThrows(CommandException.class,
                () -> commands.webhook("slack", "", "", "", "", "", "h", "https://hooks.example.org/services/T0/B0/S3CRET X"))
                .getMessage(), "the path (Slack's token) is not echoed");
        // a URL with its token from a file of the user's alone: never on the command line, never printed
        Path urlFile = secretFile("cmd-url", "https://hooks.example.org/services/T0/B0/T0KEN-FROM-FILE\n");
        assertEquals("The channel 'filed' was saved.", commands.webhook("generic", "", "", "", "", urlFile.toString(),
                "filed"));
        assertEquals(new ChannelLine("filed", "webhook", "https://hooks.example.org/\u2026 (generic)", "none", 0, ""),
                commands.list().rows().stream().filter(line -> line.name().equals("filed")).findFirst().orElseThrow());
        assertTrue(Files.readString(work.resolve("cmd-home/channels.json")).contains("T0KEN-FROM-FILE"),
                "the URL is stored (readable by the user only)");
        try (Stream<Path> audit = Files.walk(work.resolve("audit"))) {
            for (Path entry : audit.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(entry).contains("T0KEN-FROM-FILE"), entry.toString());
            }
        }
        Path shared = Files.writeString(work.resolve("shared-url"), "https://hooks.example.org/services/SHARED\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        String refused = assertThrows(CommandException.class, () -> commands.webhook("generic", "", "", "", "",
                shared.toString(), "shared")).getMessage();
        assertTrue(refused.startsWith("The secret file " + shared + " cannot be used: others than its owner may read or"
                + " change it (rw-r--r--)"), refused);
        assertFalse(refused.contains("SHARED"), refused);
        Path twoWords = secretFile("two-words", "https://hooks.example.org/a b\n");
        assertEquals("The URL file " + twoWords + " does not hold one URL on one line.", assertThrows(
                CommandException.class, () -> commands.webhook("generic", "", "", "", "", twoWords.toString(), "w"))
                .getMessage());
        assertEquals("Give the URL or --url-file, not both.", assertThrows(CommandException.class,
                () -> commands.webhook("generic", "", "", "", "", urlFile.toString(), "b", "https://e.org/"))
                .getMessage());
        assertEquals("URL (or --url-file) is required.", assertThrows(CommandException.class,
                () -> commands.webhook("generic", "", "", "", "", "", "n")).getMessage());
        for (String runbook : List.of("ftp://wiki.example.org/x", "javascript:alert(1)", "https:///{id}")) {
            String bad = assertThrows(CommandException.class, () -> commands.webhook("generic", "", "", "",
                    runbook, "", "r", "https://e.org/")).getMessage();
            assertTrue(bad.startsWith("The runbook '") && bad.endsWith("' is not usable: give an http:// or https://"
                    + " URL with a host; {kind}, {id} and {name} in it stand for the certificate."), bad);
        }
        assertEquals("The channel 'r' was saved.", commands.email("a@example.org", "c@example.org",
                "mail.example.org:465", false, true, false, "", "", "", "http://wiki.example.org/{kind}/{id}", "r"));
        assertEquals("The channel 'chat' was removed.", commands.remove("chat"));
        assertEquals("There is no notification channel 'chat'.",
                assertThrows(CommandException.class, () -> commands.remove("chat")).getMessage());
    }

    @Test
    void plainSmtpGoesToARelayOnLoopback() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        NotifyService notify = new NotifyService(work.resolve("relay-smtp-home"), messages, tls, new MovableClock());
        notify.addEmail(new EmailSettings("local", List.of("root@localhost"), "certbench@localhost", "127.0.0.1",
                plainPort, SmtpSecurity.PLAIN, null, null));
        messages.post(Severity.ERROR, "Host services", "The certificate of nginx expired.", null);
        int before = mailsOf("relay").size(); // the proxy test's mail goes to this relay too

        assertEquals(new Delivery(1, 1, 0, List.of()), notify.deliver());

        List<Path> received = mailsOf("relay");
        assertEquals(before + 1, received.size());
        String mail = Files.readString(received.get(before), StandardCharsets.UTF_8);
        assertTrue(mail.contains("Subject: CertBench: The certificate of nginx expired."), mail);
        assertTrue(mail.contains("ERROR | Host services | "), mail);
    }

    @Test
    void startTlsWithAWrongNameOrNoneIsRefusedAndNothingGoesInClear() throws Exception {
        NotifyService notify = new NotifyService(work.resolve("starttls-home"), new RecordedMessages(), tls,
                new MovableClock());
        Path passwordFile = secretFile("password4", PASSWORD);
        notify.addEmail(new EmailSettings("wrongName", List.of("ops@example.org"), "certbench@example.org",
                "localhost", wrongNamePort, SmtpSecurity.STARTTLS, "alerts", passwordFile));
        notify.addEmail(new EmailSettings("noStartTls", List.of("ops@example.org"), "certbench@example.org",
                "127.0.0.1", noStartTlsPort, SmtpSecurity.STARTTLS, "alerts", passwordFile));

        NotifyException wrongName = assertThrows(NotifyException.class, () -> notify.test("wrongName"));
        assertEquals("The email to ops@example.org through localhost:" + wrongNamePort + " failed: The certificate"
                + " of localhost is not trusted: the server certificate '127.0.0.1' does not name localhost: it holds"
                + " IP:127.0.0.1.", wrongName.getMessage());
        NotifyException none = assertThrows(NotifyException.class, () -> notify.test("noStartTls"));
        assertEquals("The email to ops@example.org through 127.0.0.1:" + noStartTlsPort + " failed: the server does"
                + " not offer STARTTLS, so nothing was sent (the password and the messages would travel readable); use"
                + " --tls if it speaks implicit TLS, or --plain only for a relay on this machine", none.getMessage());

        for (String server : List.of("wrongname", "clear")) {
            assertTrue(mailsOf(server).isEmpty(), server);
            assertFalse(Files.exists(mails.resolve(server + "-mail.log")), "no MAIL FROM reached " + server);
        }
    }

    @Test
    void backoffDoublesAfterEachFailedRetry() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        MovableClock clock = new MovableClock();
        NotifyService notify = new NotifyService(work.resolve("backoff-home"), messages, tls, clock);
        int port = freePort();
        notify.addWebhook(new WebhookSettings("gone", URI.create("https://127.0.0.1:" + port + "/"),
                WebhookFormat.GENERIC, WebhookAuth.NONE, null));
        messages.post(Severity.WARNING, "Host services", "a warning", null);

        assertEquals(List.of("(attempt 1)", "after " + at(clock, 1)), attempt(notify.deliver()));
        clock.pass(Duration.ofMinutes(1));
        assertEquals(List.of("(attempt 2)", "after " + at(clock, 2)), attempt(notify.deliver()));
        clock.pass(Duration.ofMinutes(1));
        assertEquals(new Delivery(0, 0, 1, List.of()), notify.deliver(), "the second retry waits 2 minutes");
        clock.pass(Duration.ofMinutes(1));
        assertEquals(List.of("(attempt 3)", "after " + at(clock, 4)), attempt(notify.deliver()));
        clock.pass(Duration.ofMinutes(3));
        assertEquals(new Delivery(0, 0, 1, List.of()), notify.deliver(), "the third retry waits 4 minutes");
        clock.pass(Duration.ofMinutes(1));
        assertEquals(List.of("(attempt 4)", "after " + at(clock, 8)), attempt(notify.deliver()));
        assertEquals(Duration.ofHours(6), NotifyService.backoff(10), "at most 6 hours apart");
        assertEquals(Duration.ofHours(6), NotifyService.backoff(Integer.MAX_VALUE));
        assertEquals(1, messages.texts().stream().filter(t -> t.startsWith("The notification channel 'gone'")).count(),
                "a failing digest is one system message, not one per retry");
    }

    /** The attempt and the retry time a failed delivery names. */
    private static List<String> attempt(Delivery delivery) {
        assertEquals(1, delivery.problems().size(), delivery.problems().toString());
        String problem = delivery.problems().get(0);
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("(\\(attempt \\d+\\)).* tries again (after \\S+ \\S+ UTC)").matcher(problem);
        assertTrue(matcher.find(), problem);
        return List.of(matcher.group(1), matcher.group(2));
    }

    private static String at(Clock clock, long minutes) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC)
                .format(clock.instant().plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void stopLetsTheSendInFlightFinishAndLeavesTheRestToTheNextProcess() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        List<String> paths = new CopyOnWriteArrayList<>();
        HttpsServer slow = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setHttpsConfigurator(new HttpsConfigurator(trustedServer));
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readNBytes(1 << 20);
                paths.add(exchange.getRequestURI().getPath());
                received.countDown();
                answer.await();
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        slow.start();
        Path home = work.resolve("stop-home");
        RecordedMessages messages = new RecordedMessages();
        try {
            NotifyService first = new NotifyService(home, messages, tls, new MovableClock());
            first.addWebhook(new WebhookSettings("a", url(slow, "/a"), WebhookFormat.GENERIC, WebhookAuth.NONE, null,
                    Duration.ofSeconds(60)));
            first.addWebhook(new WebhookSettings("b", url(slow, "/b"), WebhookFormat.GENERIC, WebhookAuth.NONE, null));
            messages.post(Severity.WARNING, "Host services", "a warning for both", null);
            first.drain(Duration.ZERO); // no send starts after the stop: b's digest is left to the next process

            first.start(); // its first delivery, on its own thread: a's digest is sent first, and held
            received.await();
            Thread stopping = new Thread(first::stop, "stopping");
            stopping.start();
            // stop() waits for the send in flight: it neither returns nor interrupts while the receiver holds it
            while (stopping.getState() != Thread.State.TIMED_WAITING) {
                assertTrue(stopping.isAlive(), "stop() returned while a digest was in flight");
                Thread.onSpinWait();
            }
            answer.countDown();
            stopping.join();

            assertEquals(List.of("/a"), paths, "nothing more is sent once the process stops");
            NotifyService next = new NotifyService(home, messages, tls, new MovableClock());
            assertEquals(List.of(0, 1), next.channels().stream().map(Channel::waiting).toList(),
                    "a's digest left the outbox as it was sent; b's waits for the next process");
            assertEquals(new Delivery(0, 1, 0, List.of()), next.deliver());
            assertEquals(List.of("/a", "/b"), paths, "each digest once");
        } finally {
            answer.countDown();
            slow.stop(0);
        }
    }

    @Test
    void countsReadInTheSingularForOneAndThePluralForNone() {
        List<Digest.Item> items = new ArrayList<>();
        items.add(new Digest.Item("e", NOW, "ERROR", "Agents", "an error", null, null));
        items.add(new Digest.Item("w", NOW, "WARNING", "Agents", "a warning", null, null));
        Digest two = new Digest("f", "c", NOW, 0, NOW, "", items);
        assertEquals("CertBench: 2 new system messages (1 error, 1 warning)", DigestText.subject(two));
        assertEquals("CertBench: 2 new system messages (0 errors, 2 warnings)", DigestText.subject(new Digest("f", "c",
                NOW, 0, NOW, "", List.of(items.get(1), items.get(1)))));
        for (int i = 0; i < DigestText.LISTED - 1; i++) {
            items.add(new Digest.Item("w" + i, NOW, "WARNING", "Agents", "warning " + i, null, null));
        }
        String body = DigestText.body(new Digest("f", "c", NOW, 0, NOW, "", items), null);
        assertTrue(body.endsWith("... and 1 more message (see the bell in the workbench or messages:list).\n"), body);
        assertEquals("1 second", WebhookSender.seconds(Duration.ofSeconds(1)));
        assertEquals("2 seconds", WebhookSender.seconds(Duration.ofSeconds(2)));
    }

    @Test
    void aOneShotProcessStillSendsWhatItsLastCheckPosted() throws Exception {
        RecordedMessages messages = new RecordedMessages();
        Path home = work.resolve("oneshot-home");
        NotifyService notify = new NotifyService(home, messages, tls, new MovableClock());
        notify.addWebhook(new WebhookSettings("cron", url(https, "/cron"), WebhookFormat.GENERIC, WebhookAuth.NONE,
                null));
        messages.post(Severity.WARNING, "Host services", "posted by expiry:check just before the shell ends", null);
        POSTS.clear();

        notify.start(); // the delivery a check asks for as the shell ends ...
        notify.stop(); // ... and the shell's end right after it

        assertEquals(1, POSTS.stream().filter(p -> p.path().equals("/cron")).count(), "sent before stop() returned");
        NotifyService next = new NotifyService(home, messages, tls, new MovableClock());
        assertEquals(new Delivery(0, 0, 0, List.of()), next.deliver(), "and not again by the next process");
    }

    @Test
    void channelChangesAreInTheAuditLog() throws Exception {
        Path home = work.resolve("audited/notify");
        NotifyService notify = new NotifyService(home, new RecordedMessages(), tls, new MovableClock());
        Path secret = secretFile("audit-hmac", HMAC_KEY);
        notify.addWebhook(new WebhookSettings("hook", URI.create("https://hooks.example.org/services/T0/S3CRET"),
                WebhookFormat.SLACK, WebhookAuth.HMAC, secret));
        notify.addWebhook(new WebhookSettings("hook", URI.create("https://hooks.example.org/services/T0/S3CRET"),
                WebhookFormat.SLACK, WebhookAuth.NONE, null, Duration.ofSeconds(10)));
        Path password = secretFile("audit-password", PASSWORD);
        notify.addEmail(new EmailSettings("mail", List.of("ops@example.org"), "certbench@example.org",
                "mail.example.org", 587, SmtpSecurity.STARTTLS, "alerts", password));
        assertThrows(NotifyException.class, () -> notify.addWebhook(new WebhookSettings("clear",
                URI.create("http://example.org/"), WebhookFormat.GENERIC, WebhookAuth.NONE, null)));
        assertTrue(notify.remove("hook"));
        assertFalse(notify.remove("hook"), "nothing removed, nothing recorded");

        List<AuditEntry> entries = new AuditLog(work.resolve("audited/audit"), null, Clock.systemUTC()).read(null)
                .entries();
        assertEquals(List.of("notify.add hook", "notify.change hook", "notify.add mail", "notify.add clear",
                "notify.remove hook"), entries.stream().map(e -> e.action() + " " + e.object()).toList());
        assertEquals(List.of(true, true, true, false, true), entries.stream().map(AuditEntry::ok).toList());
        assertEquals(System.getProperty("user.name"), entries.get(0).who());
        String added = "{\"name\":\"hook\",\"kind\":\"webhook\",\"url\":\"https://hooks.example.org/\u2026\","
                + "\"format\":\"SLACK\",\"auth\":\"HMAC\",\"timeout\":30,\"secret\":true,\"secret_given\":true}";
        assertEquals(added, entries.get(0).after());
        assertEquals(added.replace(",\"secret_given\":true", ""), entries.get(1).before());
        assertEquals("{\"name\":\"hook\",\"kind\":\"webhook\",\"url\":\"https://hooks.example.org/\u2026\","
                + "\"format\":\"SLACK\",\"auth\":\"NONE\",\"timeout\":10,\"secret\":false}", entries.get(1).after());
        assertEquals("{\"name\":\"mail\",\"kind\":\"email\",\"to\":[\"ops@example.org\"],\"from\":"
                + "\"certbench@example.org\",\"host\":\"mail.example.org\",\"port\":587,\"security\":\"STARTTLS\","
                + "\"user\":\"alerts\",\"timeout\":60,\"secret\":true,\"secret_given\":true}", entries.get(2).after());
        assertTrue(entries.get(3).message().startsWith("A webhook must be an https:// URL"), entries.get(3).message());
        assertEquals(entries.get(1).after(), entries.get(4).before());
        assertEquals(null, entries.get(4).after());
        String all = Files.readString(Files.list(work.resolve("audited/audit")).findFirst().orElseThrow());
        assertFalse(all.contains(PASSWORD) || all.contains(HMAC_KEY) || all.contains("S3CRET"), all);
    }

    @Test
    void webhookGoesThroughTheConfiguredProxy() throws Exception {
        Path directory = Files.createDirectories(work.resolve("squid"));
        int squidPort = freePort();
        Path hosts = Files.writeString(directory.resolve("hosts"), "127.0.0.1 " + PROXIED_HOST + "\n");
        Path configuration = Files.writeString(directory.resolve("squid.conf"), String.join("\n",
                "http_port 127.0.0.1:" + squidPort,
                "hosts_file " + hosts,
                "dns_nameservers 127.0.0.1",
                "http_access allow localhost",
                "http_access deny all",
                "cache deny all",
                "pid_filename " + directory.resolve("squid.pid"),
                "cache_log " + directory.resolve("cache.log"),
                "access_log none",
                "coredump_dir " + directory,
                "shutdown_lifetime 0 seconds",
                ""));
        // squid drops to the proxy user, which must read its files
        for (Path path : List.of(work, directory, hosts, configuration)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxrwxrwx" : "rw-r--r--"));
        }
        Process squid = new ProcessBuilder("/usr/sbin/squid", "-N", "-f", configuration.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("squid.out").toFile()).start();
        RecordedMessages messages = new RecordedMessages();
        NotifyService notify = new NotifyService(work.resolve("proxy-home"), messages, tls, new MovableClock());
        URI target = URI.create("https://" + PROXIED_HOST + ":" + https.getAddress().getPort() + "/proxied");
        notify.addWebhook(new WebhookSettings("proxied", target, WebhookFormat.GENERIC, WebhookAuth.NONE, null));
        try {
            awaitListening(squid, squidPort, directory);
            NotifyException direct = assertThrows(NotifyException.class, () -> notify.test("proxied"));
            assertEquals("The webhook https://" + PROXIED_HOST + ":" + https.getAddress().getPort()
                    + "/\u2026 could not be reached: the host name " + PROXIED_HOST + " is unknown (DNS)",
                    direct.getMessage(), "without the proxy the name is not even resolved");
            tls.setProxy(new ProxySettings("127.0.0.1", squidPort));
            // SMTP goes direct, never through the HTTP proxy (squid would not carry it)
            notify.addEmail(new EmailSettings("direct", List.of("root@localhost"), "certbench@localhost", "127.0.0.1",
                    plainPort, SmtpSecurity.PLAIN, null, null));
            int mailsBefore = mailsOf("relay").size();
            messages.post(Severity.WARNING, "Host services", "a warning through squid", null);
            POSTS.clear();

            assertEquals(new Delivery(2, 2, 0, List.of()), notify.deliver());

            Received proxied = POSTS.stream().filter(p -> p.path().equals("/proxied")).findFirst().orElseThrow();
            assertTrue(new String(proxied.body(), StandardCharsets.UTF_8).contains("a warning through squid"));
            List<Path> relayed = mailsOf("relay");
            assertEquals(mailsBefore + 1, relayed.size());
            assertTrue(Files.readString(relayed.get(mailsBefore)).contains("a warning through squid"));
        } finally {
            tls.setProxy(ProxySettings.NONE);
            squid.destroy();
            if (!squid.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                squid.destroyForcibly();
            }
        }
    }

    /** Until squid accepts connections (it reads its configuration and forks its helpers first), at most 30 s. */
    private static void awaitListening(Process squid, int port, Path directory) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(squid.isAlive(), () -> log("squid/squid.out") + log("squid/cache.log"));
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        throw new AssertionError("squid did not listen within 30 s: " + log("squid/cache.log"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String refusal(Action action) {
        NotifyException e = assertThrows(NotifyException.class, action::run);
        assertNotNull(e.getMessage());
        return e.getMessage();
    }

    private static byte[] ca(String name, KeyPair key) {
        return PkiFixtures.certificate("CN=" + name).key(key).ca(true)
                .validity(NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(365))).build();
    }

    private static byte[] leaf(KeyPair key, String issuer, KeyPair issuerKey) {
        return PkiFixtures.certificate("CN=127.0.0.1").key(key).issuedBy("CN=" + issuer, issuerKey)
                .ip(new byte[] { 127, 0, 0, 1 }).dns("localhost").dns(PROXIED_HOST).purpose(KeyPurposeId.id_kp_serverAuth)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))).build();
    }

    private static SSLContext serverContext(KeyPair key, byte[] certificate, byte[] issuer) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate[] chain = Stream.of(certificate, issuer).map(der -> {
            try {
                return (X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(der));
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(X509Certificate[]::new);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", key.getPrivate(), new char[0], chain);
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    /** A secret file as an administrator keeps it: readable by its owner only, or it is refused. */
    private static Path secretFile(String name, String content) throws IOException {
        Path file = Files.writeString(work.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static List<String> serverFiles(String name, byte[] certificate, KeyPair key, String mode)
            throws IOException {
        Path cert = Files.writeString(work.resolve(name + ".crt"), PkiFixtures.pem(certificate));
        Path pem = Files.writeString(work.resolve(name + ".key"), PkiFixtures.privateKeyPem(key));
        return List.of(name, cert.toString(), pem.toString(), mode);
    }

    private static HttpsServer https(SSLContext context, int port) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                POSTS.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        in.readNBytes(1 << 20)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        return server;
    }

    private static URI url(HttpsServer server, String path) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Path> mailsOf(String server) throws IOException {
        try (Stream<Path> files = Files.list(mails)) {
            return files.filter(f -> f.getFileName().toString().startsWith(server + "-")
                    && f.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static String log(String name) {
        try {
            return Files.readString(work.resolve(name));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
