package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.certbench.agents.connector.AgentFleet;
import org.certbench.agents.connector.TrustState;
import org.certbench.crypto.Certificate;
import org.certbench.crypto.Certificates;
import org.certbench.issuers.IssueKind;
import org.certbench.issuers.Issuers;
import org.certbench.renewal.RenewalPolicies;
import org.certbench.renewal.RenewalPolicy;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code agent:renew} through command issuers that fail in every way a site's CA program can, against two real
 * {@code certbench-agent} processes: each agent keeps its certificate, its result says in words which step failed,
 * and the batch's failures are recorded in one write of {@code attempts.properties}.
 */
class CommandIssuerFailuresWithRealAgentsTest {

    private static final String TIMEOUT = "certbench.issuers.command.timeout";

    @TempDir
    static Path work;

    private static RealAgents agents;
    private static AgentFleet fleet;
    private static Issuers issuers;
    private static CommandSession session;
    private static Certificate siteCa;
    private static final String ALPHA = "fail-a-" + System.nanoTime();
    private static final String BETA = "fail-b-" + System.nanoTime();
    private static int alphaPort;
    private static int betaPort;

    @BeforeAll
    static void start() throws Exception {
        agents = new RealAgents(work);
        fleet = service(AgentFleet.class);
        issuers = service(Issuers.class);
        service(RenewalPolicies.class).setPolicy(RenewalPolicy.unconfigured(IssueKind.AGENT));
        session = service(CommandProcessor.class).createSession(System.in, System.out, System.err);
        alphaPort = agents.add(fleet, ALPHA);
        betaPort = agents.add(fleet, BETA);
        Openssl.run(work, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                "site.key", "-out", "site.pem", "-subj", "/CN=Site CA", "-days", "30", "-addext",
                "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        siteCa = Certificates.read(work.resolve("site.pem")).certificate();
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty(TIMEOUT);
        session.close();
        agents.close();
        fleet.remove(ALPHA);
        fleet.remove(BETA);
        for (String name : List.of("fails", "sleeps", "garbage", "otherkey", "othernames")) {
            try {
                issuers.remove(name);
            } catch (Exception e) {
                // not configured by the test that failed before
            }
        }
    }

    /** A command issuer running a shell script: {@code $0} is the CSR file, {@code $1} the certificate file. */
    private static void commandIssuer(String name, String script) throws Exception {
        issuers.addCommand(name, siteCa, List.of("/bin/sh", "-c", script, "{csr}", "{cert}"));
    }

    /** Renews both agents through the issuer; returns the failure in words, checking that both kept their own. */
    private static String failedThrough(String issuer) throws Exception {
        String alpha = Openssl.servedFingerprint(work, alphaPort);
        String beta = Openssl.servedFingerprint(work, betaPort);
        SettingsFile attempts = ((StoredRenewalPolicies) service(RenewalPolicies.class)).home().attempts().file();
        long writes = attempts.writes();

        Exception failed = assertThrows(Exception.class,
                () -> session.execute("agent:renew --issuer " + issuer + " --adopt --force " + ALPHA + " " + BETA));

        assertEquals(1, attempts.writes() - writes, "one write of attempts.properties for the batch");
        assertEquals(alpha, Openssl.servedFingerprint(work, alphaPort));
        assertEquals(beta, Openssl.servedFingerprint(work, betaPort));
        assertEquals(TrustState.TRUSTED, fleet.status(ALPHA).state());
        assertTrue(failed.getMessage().startsWith("agent:renew failed for 2 of 2 agents:"), failed.getMessage());
        return failed.getMessage();
    }

    private static Attempt attempt(String agent) throws Exception {
        return ((StoredRenewalPolicies) service(RenewalPolicies.class)).home().attempts()
                .get(IssueKind.AGENT, agent).orElseThrow();
    }

    @Test
    void aProgramThatExitsNonZeroIsAnIssuerFailureWithWhatItSaid() throws Exception {
        commandIssuer("fails", "echo the CA database is locked >&2; exit 3");

        String message = failedThrough("fails");

        assertTrue(message.contains(ALPHA + ": failed — the issuer could not be reached or failed: No new "
                + "certificate: issuer 'fails' failed: The command issuer fails failed (exit status 3); it said: "
                + "the CA database is locked"), message);
        assertTrue(message.contains(BETA + ": failed — the issuer could not be reached or failed: "), message);
        assertEquals("issuer-failed", attempt(ALPHA).failureKind());
    }

    @Test
    void aProgramThatOutlivesItsTimeoutIsStoppedAndAnIssuerFailure() throws Exception {
        commandIssuer("sleeps", "echo signing >&2; exec sleep 60");
        System.setProperty(TIMEOUT, "1");
        try {
            String message = failedThrough("sleeps");

            assertTrue(message.contains(ALPHA + ": failed — the issuer could not be reached or failed: No new "
                    + "certificate: issuer 'sleeps' failed: The command issuer sleeps did not finish within 1 s and "
                    + "was stopped; it said: signing"), message);
        } finally {
            System.clearProperty(TIMEOUT);
        }
    }

    @Test
    void garbageAnotherKeyOrOtherNamesAreNoUsableCertificate() throws Exception {
        commandIssuer("garbage", "echo 'here is your certificate' > \"$1\"");
        commandIssuer("otherkey", "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "
                + "/dev/null -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -days 1 -out \"$1\"");
        commandIssuer("othernames", "openssl x509 -req -in \"$0\" -CA " + work.resolve("site.pem") + " -CAkey "
                + work.resolve("site.key") + " -days 1 -out \"$1\"");

        String garbage = failedThrough("garbage");
        assertTrue(garbage.contains(ALPHA + ": failed — the issuer returned no usable certificate: No new "
                + "certificate: issuer 'garbage' failed: The command issuer garbage did not write a certificate: "),
                garbage);
        assertEquals("issuer-answer", attempt(ALPHA).failureKind());

        String otherKey = failedThrough("otherkey");
        assertTrue(otherKey.contains(ALPHA + ": failed — the issuer returned no usable certificate: No new "
                + "certificate: issuer 'otherkey' failed: The command issuer otherkey wrote a certificate for another "
                + "key than the request's (CN=127.0.0.1); it is not used."), otherKey);

        String otherNames = failedThrough("othernames");
        assertTrue(otherNames.contains(BETA + ": failed — the issuer returned no usable certificate: No new "
                + "certificate: issuer 'othernames' failed: The command issuer othernames wrote a certificate for "
                + "the names , not for 127.0.0.1; it is not used."), otherNames);
        assertTrue(attempt(BETA).failures() >= 3, attempt(BETA).toString());
    }

    @Test
    void agentRenewWaitsForNoRenewalRunAndLeavesTheAgentsAloneWhileOneIsUnderWay() throws Exception {
        String alpha = Openssl.servedFingerprint(work, alphaPort);
        StoredRenewalPolicies stored = (StoredRenewalPolicies) service(RenewalPolicies.class);
        // a renewal:run under way holds the home's run lock
        try (RunLock run = RunLock.tryAcquire(stored.home().directory().resolve(RunLock.FILE))) {
            assertNotNull(run);

            Exception busy = assertThrows(Exception.class,
                    () -> session.execute("agent:renew --issuer local --adopt --force " + ALPHA));

            assertEquals("Another renewal (renewal:run, agent:renew or host:renew) is under way on this home; "
                    + "this one did nothing. Try again when it has finished.", busy.getMessage());
            assertEquals(alpha, Openssl.servedFingerprint(work, alphaPort));
            // a dry run changes nothing: it may look meanwhile
            assertEquals(1, ((List<?>) session.execute("agent:renew --issuer local --adopt --force --dry-run "
                    + ALPHA)).size());
        }
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(CommandIssuerFailuresWithRealAgentsTest.class).getBundleContext(), type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertNotNull(service, type.getName());
        return service;
    }
}
