package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.AgentStatus;
import org.certbench.agents.connector.BatchMonitor;
import org.certbench.agents.connector.TrustState;
import org.certbench.core.StateDirectory;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.CertificationRequest;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.IssueMonitor;
import org.certbench.issuers.IssueRequest;
import org.certbench.issuers.IssuedChain;
import org.certbench.issuers.Issuer;
import org.certbench.issuers.IssuerException;
import org.certbench.issuers.Issuers;
import org.certbench.messages.SystemMessage;
import org.certbench.messages.SystemMessages;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.renewal.RenewalPolicy;
import org.certbench.renewal.internal.commands.RenewOutcome;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code agent:renew} as an administrator runs it, in OSGi with the real services (the fleet, the local issuer,
 * Gogo) and real {@code certbench-agent} processes on 127.0.0.1.
 */
class AgentRenewWithRealAgentsTest {

    private final BundleContext context = FrameworkUtil.getBundle(AgentRenewWithRealAgentsTest.class)
            .getBundleContext();

    @TempDir
    Path work;

    private RealAgents agents;
    private AgentFleet fleet;
    private RenewalPolicies policies;
    private CommandSession session;

    @BeforeEach
    void start() throws Exception {
        agents = new RealAgents(work);
        fleet = service(AgentFleet.class);
        policies = service(RenewalPolicies.class);
        policies.setPolicy(RenewalPolicy.unconfigured(IssueKind.AGENT));
        session = service(CommandProcessor.class).createSession(System.in, System.out, System.err);
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
        agents.close();
        for (String name : fleet.list().stream().map(agent -> agent.name()).toList()) {
            fleet.remove(name);
        }
    }

    @SuppressWarnings("unchecked")
    private List<RenewOutcome> renew(String arguments) throws Exception {
        return (List<RenewOutcome>) session.execute("agent:renew " + arguments);
    }

    @Test
    void aSelfSignedAgentIsAdoptedThenRenewedOnlyWhenDueAndTheDryRunChangesNothing() throws Exception {
        String name = "alpha-" + System.nanoTime();
        int port = agents.add(fleet, name);
        Certificate selfSigned = fleet.status(name).certificate();

        RenewOutcome notOwn = renew("--issuer local " + name).get(0);
        assertEquals(new RenewOutcome(name, "left", "left alone: its certificate is self-signed, not issued by one "
                + "of this console's issuers; renew it here with --adopt"), notOwn);

        RenewOutcome adopted = renew("--issuer local --adopt --force " + name).get(0);
        assertEquals("renewed", adopted.result(), adopted.toString());
        // adoption ends with the first renewal: its certificate is local's now, and that decides from then on
        assertFalse(policies.adopted().contains(name), policies.adopted().toString());
        AgentStatus renewed = fleet.status(name);
        assertEquals(TrustState.TRUSTED, renewed.state(), renewed.reason());
        assertEquals(Openssl.servedFingerprint(work, port), renewed.certificate().sha256Fingerprint());
        assertEquals(selfSigned.publicKeySha256Fingerprint(), renewed.certificate().publicKeySha256Fingerprint());
        Issuers issuers = service(Issuers.class);
        assertEquals("local", issuers.issuerOf(renewed.certificate()).orElseThrow().name());

        // a fresh certificate is not due; the policy's issuer is used when none is named
        policies.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("local"), DueRule.DEFAULT, false));
        RenewOutcome notDue = renew(name).get(0);
        assertEquals("left", notDue.result());
        assertTrue(notDue.detail().startsWith("not due: expires "), notDue.detail());

        // a rule under which every certificate is due: the dry run says so and changes nothing
        policies.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("local"),
                new DueRule(1, Duration.ofDays(36500)), false));
        RenewOutcome dry = renew("--dry-run " + name).get(0);
        assertEquals("due", dry.result());
        assertTrue(dry.detail().startsWith("due: expires "), dry.detail());
        assertEquals(renewed.certificate().sha256Fingerprint(), Openssl.servedFingerprint(work, port));

        RenewOutcome due = renew(name).get(0);
        assertEquals("renewed", due.result(), due.toString());
        Certificate again = fleet.status(name).certificate();
        assertNotEquals(renewed.certificate(), again);
        assertEquals(again.sha256Fingerprint(), Openssl.servedFingerprint(work, port));
    }

    @Test
    void thePolicyCommandSetsTheAgentsKeyTypeAndRefusesAnUnknownOneAndOneForHosts() throws Exception {
        Object shown = session.execute("renewal:policy --rekey true --key-type 'rsa 3072' agent");
        assertTrue(String.valueOf(shown).endsWith(", a new RSA 3072 key each time"), String.valueOf(shown));
        assertEquals(org.certbench.crypto.KeyType.RSA_3072, policies.policy(IssueKind.AGENT).keyType());

        Exception unknown = assertThrows(Exception.class,
                () -> session.execute("renewal:policy --key-type Ed25519 agent"));
        assertEquals("--key-type: 'Ed25519' is not a key type: write one of P-256, P-384, RSA 2048, RSA 3072, RSA 4096.",
                unknown.getMessage());
        Exception forHosts = assertThrows(Exception.class,
                () -> session.execute("renewal:policy --key-type P-384 host"));
        assertEquals("--key-type is for agents: a host service's key type is the key.type setting of its target.",
                forHosts.getMessage());
        assertEquals(org.certbench.crypto.KeyType.RSA_3072, policies.policy(IssueKind.AGENT).keyType());
    }

    @Test
    void anotherConsolesAgentIsLeftAlone() throws Exception {
        String other = "other-" + System.nanoTime();
        int otherPort = agents.add(fleet, other);
        // another console's CA: the seed's openssl flow, applied through Verify/Apply
        Path ca = work.resolve("ca");
        Files.createDirectories(ca);
        Openssl.run(ca, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "ca.key", "-out", "ca.crt", "-subj", "/CN=Other Console CA", "-days", "30", "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Path csrs = work.resolve("csrs");
        assertTrue(fleet.generateCsrs(List.of(other), null, csrs, BatchMonitor.NONE).allSucceeded());
        Path issued = Files.createDirectories(work.resolve("issued"));
        Openssl.run(ca, "x509", "-req", "-in", csrs.resolve(other + ".csr").toString(), "-CA", "ca.crt", "-CAkey",
                "ca.key", "-out", issued.resolve(other + ".crt").toString(), "-CAcreateserial", "-copy_extensions",
                "copyall", "-days", "30");
        var applied = fleet.applyCertificates(List.of(other), ca.resolve("ca.crt"), issued, BatchMonitor.NONE);
        assertTrue(applied.allSucceeded(), applied.toString());
        String before = Openssl.servedFingerprint(work, otherPort);

        RenewOutcome left = renew("--issuer local --force " + other).get(0);
        assertEquals(new RenewOutcome(other, "left", "left alone: its certificate was issued by 'Other Console CA', "
                + "not by one of this console's issuers; renew it here with --adopt"), left);
        assertEquals(before, Openssl.servedFingerprint(work, otherPort));
    }

    @Test
    void aNewKeyIsKeptPendingUntilItsCertificateIsAppliedAndTheOldPairServesMeanwhile() throws Exception {
        String name = "rekey-" + System.nanoTime();
        int port = agents.add(fleet, name);
        Certificate selfSigned = fleet.status(name).certificate();
        Path pending = work.resolve("agent-" + name).resolve("pending-key.pem");
        ServiceRegistration<Issuer> registration = registerDownIssuer();
        try {
            waitForIssuer("down");
            Exception failed = assertThrows(Exception.class,
                    () -> renew("--issuer down --adopt --force --rekey " + name));
            assertTrue(failed.getMessage().contains(name + ": failed — the issuer could not be reached or failed: "),
                    failed.getMessage());
        } finally {
            registration.unregister();
        }
        // the CA did not answer: the new key waits, private to the agent, and the old pair still serves
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(pending, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
        assertEquals(selfSigned.sha256Fingerprint(), Openssl.servedFingerprint(work, port));

        // the policy's key type is the new key's
        policies.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.empty(), DueRule.DEFAULT, false,
                org.certbench.crypto.KeyType.EC_P384));
        RenewOutcome rekeyed = renew("--issuer local --adopt --force --rekey " + name).get(0);

        assertEquals("renewed", rekeyed.result(), rekeyed.toString());
        AgentStatus now = fleet.status(name);
        assertEquals(TrustState.TRUSTED, now.state(), now.reason());
        assertNotEquals(selfSigned.publicKeySha256Fingerprint(), now.certificate().publicKeySha256Fingerprint());
        assertEquals(384, ((java.security.interfaces.ECPublicKey) now.certificate().publicKey()).getParams()
                .getCurve().getField().getFieldSize());
        assertEquals(now.certificate().sha256Fingerprint(), Openssl.servedFingerprint(work, port));
        assertFalse(Files.exists(pending), "the pending key is in use now, not kept beside it");
        assertFalse(Files.exists(pending.resolveSibling("previous.pem"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "confirmed by a handshake: the agent forgot its previous key");
    }

    @Test
    void anAgentOfProtocol11IsRefusedForRekeyInWordsAndRenewedWithItsKey() throws Exception {
        String name = "older-" + System.nanoTime();
        // a real agent answering as one of protocol 1.1, which has no key switch to go back from
        int port = agents.add(fleet, name, List.of("-Dcertbench.agent.protocol=1.1"));
        String before = Openssl.servedFingerprint(work, port);

        Exception refused = assertThrows(Exception.class, () -> renew("--issuer local --adopt --force --rekey " + name));
        assertTrue(refused.getMessage().startsWith("agent:renew failed for 1 of 1 agent:" + System.lineSeparator()
                + name + ": failed — "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("This agent speaks protocol 1.1 or older: it would drop its current "
                + "key when switching to a new one, leaving nothing to go back to if the new key cannot be confirmed, "
                + "so --rekey is refused: update the agent, or renew without --rekey. The agent keeps its current "
                + "certificate."), refused.getMessage());
        assertEquals(before, Openssl.servedFingerprint(work, port));
        assertFalse(Files.exists(work.resolve("agent-" + name).resolve("pending-key.pem")), "no key was made");

        RenewOutcome renewed = renew("--issuer local --adopt --force " + name).get(0);
        assertEquals("renewed", renewed.result(), renewed.toString());
        assertEquals(fleet.status(name).certificate().sha256Fingerprint(), Openssl.servedFingerprint(work, port));
        assertEquals(TrustState.TRUSTED, fleet.status(name).state());
    }

    @Test
    void renewalRunSignsTheLocalCrlWhereNoWorkbenchDoes() throws Exception {
        Path caFile = work.resolve("local-ca.pem");
        service(Issuers.class).exportCaCertificates("local", caFile);
        Path crl = StateDirectory.area("issuers").resolve("local/crl.pem");
        Files.deleteIfExists(crl);

        session.execute("renewal:run");

        assertTrue(Files.exists(crl), "renewal:run signed no CRL");
        assertTrue(Openssl.run(work, "crl", "-noout", "-CAfile", caFile.toString(), "-in", crl.toString())
                .contains("verify OK"));
    }

    @Test
    void aFailingIssuerLeavesTheAgentOnItsCertificateWithTheReason() throws Exception {
        String name = "beta-" + System.nanoTime();
        int port = agents.add(fleet, name);
        String before = Openssl.servedFingerprint(work, port);
        ServiceRegistration<Issuer> registration = registerDownIssuer();
        try {
            waitForIssuer("down");
            Exception failed = assertThrows(Exception.class, () -> renew("--issuer down --adopt --force " + name));
            assertEquals("agent:renew failed for 1 of 1 agent:" + System.lineSeparator() + name
                    + ": failed — the issuer could not be reached or failed: No new certificate: issuer 'down' failed: ca.example.test:443 refused the "
                    + "connection The agent keeps its current certificate.", failed.getMessage());
            assertEquals(before, Openssl.servedFingerprint(work, port));
            assertEquals(TrustState.TRUSTED, fleet.status(name).state());
            StoredRenewalPolicies stored = (StoredRenewalPolicies) policies;
            Attempt counted = stored.home().attempts().get(IssueKind.AGENT, name).orElseThrow();
            assertEquals(1, counted.failures());

            // the wizard's "Issue with …" is a person's attempt: its failure is theirs to read, and the schedule's
            // next try stays where it was
            var byPerson = service(org.certbench.renewal.Renewals.class).issueAndApply(List.of(name), "down", false,
                    BatchMonitor.NONE);
            assertFalse(byPerson.results().get(0).succeeded());
            assertTrue(byPerson.results().get(0).message().startsWith("No new certificate: issuer 'down' failed: "),
                    byPerson.results().get(0).message());
            assertEquals(counted, stored.home().attempts().get(IssueKind.AGENT, name).orElseThrow());
            assertEquals(before, Openssl.servedFingerprint(work, port));
        } finally {
            registration.unregister();
        }
    }

    /** A plug-in's issuer whose CA is down, registered as plug-ins register theirs. */
    private ServiceRegistration<Issuer> registerDownIssuer() {
        Dictionary<String, Object> properties = new Hashtable<>();
        return context.registerService(Issuer.class, new Issuer() {
            @Override
            public String name() {
                return "down";
            }

            @Override
            public String description() {
                return "a CA that cannot be reached";
            }

            @Override
            public List<Certificate> caCertificates() {
                return List.of();
            }

            @Override
            public Set<IssueKind> kinds() {
                return Set.of(IssueKind.AGENT);
            }

            @Override
            public boolean canRevoke() {
                return false;
            }

            @Override
            public IssuedChain issue(CertificationRequest csr, IssueRequest request, IssueMonitor monitor)
                    throws IssuerException {
                throw new IssuerException(IssuerException.Reason.UNAVAILABLE,
                        "ca.example.test:443 refused the connection");
            }
        }, properties);
    }

    /** A clock the test moves; renewal reads it at every decision. */
    private static final class MovingClock extends java.time.Clock {
        private volatile java.time.Instant now;

        MovingClock(java.time.Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    @Test
    void theScheduleBacksOffAfterFailuresRaisesOneMessageAndClearsItOnSuccess() throws Exception {
        String name = "gamma-" + System.nanoTime();
        int port = agents.add(fleet, name);
        assertEquals("renewed", renew("--issuer local --adopt --force " + name).get(0).result());
        String before = Openssl.servedFingerprint(work, port);
        MovingClock clock = new MovingClock(java.time.Instant.now());
        StoredRenewalPolicies scheduled = new StoredRenewalPolicies(RenewalHome.in(work.resolve("home/renewal")),
                clock);
        scheduled.setIssuers(service(Issuers.class));
        SystemMessages messages = service(SystemMessages.class);
        RenewalRun run = new RenewalRun(fleet, service(Issuers.class), scheduled, messages, null);
        ServiceRegistration<Issuer> registration = registerDownIssuer();
        try {
            waitForIssuer("down");
            // every certificate is due under this rule
            scheduled.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("down"),
                    new DueRule(1, Duration.ofDays(36500)), false));

            RunLine first = line(run.run(BatchMonitor.NONE), name);
            assertEquals("failed", first.result(), first.toString());
            assertEquals(1, messagesAbout(messages, name).size());
            assertEquals(before, Openssl.servedFingerprint(work, port));

            RunLine waiting = line(run.run(BatchMonitor.NONE), name);
            assertEquals("waiting", waiting.result(), waiting.toString());
            assertTrue(waiting.detail().startsWith("waiting after 1 failed attempt, next not before "),
                    waiting.detail());

            clock.advance(Duration.ofHours(1));
            assertEquals("failed", line(run.run(BatchMonitor.NONE), name).result());
            assertEquals(2, scheduled.home().attempts().get(IssueKind.AGENT, name).orElseThrow().failures());
            assertEquals(1, messagesAbout(messages, name).size(), "one message per certificate, not per attempt");
            assertTrue(scheduled.coverage(IssueKind.AGENT, name, fleet.status(name).certificate()).failure()
                    .isPresent());

            clock.advance(Duration.ofHours(1));
            assertEquals("waiting", line(run.run(BatchMonitor.NONE), name).result(), "two hours after two failures");

            scheduled.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("local"),
                    new DueRule(1, Duration.ofDays(36500)), false));
            clock.advance(Duration.ofHours(1));
            RunLine renewed = line(run.run(BatchMonitor.NONE), name);
            assertEquals("renewed", renewed.result(), renewed.toString());
            assertEquals(renewed.detail(), Openssl.servedFingerprint(work, port));
            assertTrue(messagesAbout(messages, name).get(0).read(), "the success marks the message read");
            assertTrue(scheduled.home().attempts().get(IssueKind.AGENT, name).isEmpty());
        } finally {
            registration.unregister();
        }
    }

    private static RunLine line(List<RunLine> lines, String agent) {
        return lines.stream().filter(line -> line.target().equals(agent)).findFirst().orElseThrow(
                () -> new AssertionError(agent + " not in " + lines));
    }

    private static List<SystemMessage> messagesAbout(SystemMessages messages, String agent) {
        return messages.list().stream().filter(message -> message.text().contains("agent " + agent + " ")).toList();
    }

    private void waitForIssuer(String name) throws Exception {
        Issuers issuers = service(Issuers.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                issuers.get(name);
                return;
            } catch (IssuerException e) {
                Thread.sleep(20);
            }
        }
        issuers.get(name);
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
