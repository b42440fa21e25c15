package org.certbench.renewal.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certbench.crypto.Certificate;
import org.certbench.issuers.IssueKind;
import org.certbench.renewal.Coverage;
import org.certbench.renewal.DueRule;
import org.certbench.renewal.RenewalException;
import org.certbench.renewal.RenewalPolicy;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenewalPoliciesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(90));

    @TempDir
    Path home;

    private StoredRenewalPolicies policies(Instant now) {
        return new StoredRenewalPolicies(RenewalHome.in(home.resolve("renewal")), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Certificate certificate() throws Exception {
        return Certificate.fromDer(PkiFixtures.certificate("CN=agent-1").validity(START, END).build(), "agent-1");
    }

    @Test
    void anUnconfiguredKindHasNoIssuerAndTheDefaultRule() {
        RenewalPolicy policy = policies(START).policy(IssueKind.AGENT);
        assertEquals(Optional.empty(), policy.issuer());
        assertEquals(DueRule.DEFAULT, policy.due());
        assertFalse(policy.scheduled());
    }

    @Test
    void aPolicyIsStoredPerKindAndSeenByAnotherProcessOnTheHome() throws Exception {
        StoredRenewalPolicies workbench = policies(START);
        StoredRenewalPolicies shell = policies(START);
        assertEquals(Optional.empty(), workbench.policy(IssueKind.AGENT).issuer());
        RenewalPolicy agents = new RenewalPolicy(IssueKind.AGENT, Optional.of("local"),
                new DueRule(2, Duration.ofDays(20)), true);
        shell.setPolicy(agents);
        assertEquals(agents, workbench.policy(IssueKind.AGENT));
        assertEquals(RenewalPolicy.unconfigured(IssueKind.HOST), workbench.policy(IssueKind.HOST));
        String file = Files.readString(home.resolve("renewal/policies.properties"));
        assertTrue(file.contains("agent.issuer=local"), file);
        assertTrue(file.contains("agent.rekey=true"), file);
    }

    @Test
    void aBadValueIsRefusedInWords() throws Exception {
        Files.createDirectories(home.resolve("renewal"));
        Files.writeString(home.resolve("renewal/policies.properties"), "agent.due.fraction=zero\n",
                StandardCharsets.UTF_8);
        StoredRenewalPolicies policies = policies(START);
        RenewalException refused = assertThrows(RenewalException.class,
                () -> policies.readablePolicy(IssueKind.AGENT));
        assertTrue(refused.getMessage().contains("renewal setting agent.due.fraction has the value \"zero\""),
                refused.getMessage());
        // the service itself keeps renewing nothing rather than failing its callers
        assertEquals(RenewalPolicy.unconfigured(IssueKind.AGENT), policies.policy(IssueKind.AGENT));
    }

    @Test
    void theKeyTypeOfNewKeysIsStoredAndAnUnknownOneIsRefusedInWords() throws Exception {
        StoredRenewalPolicies policies = policies(START);
        assertEquals(org.certbench.crypto.KeyType.EC_P256, policies.policy(IssueKind.AGENT).keyType());
        RenewalPolicy rsa = new RenewalPolicy(IssueKind.AGENT, Optional.of("local"), DueRule.DEFAULT, true,
                org.certbench.crypto.KeyType.RSA_3072);
        policies.setPolicy(rsa);
        assertTrue(Files.readString(home.resolve("renewal/policies.properties")).contains("agent.key.type=RSA 3072"));
        assertEquals(rsa, policies(START).policy(IssueKind.AGENT));

        Files.writeString(home.resolve("renewal/policies.properties"), "agent.key.type=p384\n", StandardCharsets.UTF_8);
        assertEquals(org.certbench.crypto.KeyType.EC_P384, policies(START).readablePolicy(IssueKind.AGENT).keyType());
        Files.writeString(home.resolve("renewal/policies.properties"), "agent.key.type=Ed25519\n",
                StandardCharsets.UTF_8);
        RenewalException refused = assertThrows(RenewalException.class,
                () -> policies(START).readablePolicy(IssueKind.AGENT));
        assertTrue(refused.getMessage().endsWith(": renewal setting agent.key.type: 'Ed25519' is not a key type: write "
                + "one of P-256, P-384, RSA 2048, RSA 3072, RSA 4096."), refused.getMessage());
    }

    @Test
    void dueFollowsTheKindsRule() throws Exception {
        StoredRenewalPolicies policies = policies(END.minus(Duration.ofDays(40)));
        assertFalse(policies.due(IssueKind.AGENT, certificate()).due());
        policies.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.empty(), new DueRule(2, Duration.ofDays(60)),
                false));
        assertTrue(policies.due(IssueKind.AGENT, certificate()).due());
        assertFalse(policies.due(IssueKind.HOST, certificate()).due());
    }

    @Test
    void adoptedAgentsAreRemembered() throws Exception {
        policies(START).adopt(List.of("agent-1", "odd name|with.dots"));
        assertEquals(Set.of("agent-1", "odd name|with.dots"), policies(START).adopted());
    }

    @Test
    void coverageNeedsAScheduledPolicyAndAnOwnOrAdoptedAgent() throws Exception {
        StoredRenewalPolicies policies = policies(START);
        assertFalse(policies.coverage(IssueKind.AGENT, "agent-1", certificate()).covered());
        policies.setPolicy(new RenewalPolicy(IssueKind.AGENT, Optional.of("local"), DueRule.DEFAULT, false));
        // no issuer of this console issued it, and it was not adopted
        assertFalse(policies.coverage(IssueKind.AGENT, "agent-1", certificate()).covered());
        policies.adopt(List.of("agent-1"));
        assertTrue(policies.coverage(IssueKind.AGENT, "agent-1", certificate()).covered());
        assertFalse(policies.coverage(IssueKind.HOST, "https", certificate()).covered());
    }

    @Test
    void expiryWarningsWaitForAFailureOrADayOfBeingDue() throws Exception {
        StoredRenewalPolicies policies = policies(START);
        policies.setPolicy(new RenewalPolicy(IssueKind.HOST, Optional.of("local"), DueRule.DEFAULT, false));
        Coverage coverage = policies.coverage(IssueKind.HOST, "https", certificate());
        Instant dueAt = END.minus(Duration.ofDays(30));
        assertEquals(dueAt, coverage.dueAt());
        assertFalse(coverage.warrantsExpiryWarning(dueAt));
        assertFalse(coverage.warrantsExpiryWarning(dueAt.plus(Duration.ofHours(23))));
        assertTrue(coverage.warrantsExpiryWarning(dueAt.plus(Duration.ofHours(24))));

        policies.home().attempts().failed(IssueKind.HOST, "https", "UNAVAILABLE", "the CA is down",
                Optional.empty(), dueAt, Backoff.DEFAULT, before -> "");
        Coverage failed = policies.coverage(IssueKind.HOST, "https", certificate());
        assertEquals(Optional.of("the CA is down"), failed.failure());
        assertTrue(failed.warrantsExpiryWarning(dueAt));

        policies.home().attempts().succeeded(IssueKind.HOST, "https");
        assertFalse(policies.coverage(IssueKind.HOST, "https", certificate()).warrantsExpiryWarning(dueAt));
    }

    @Test
    void failuresInARowBackOffAndASuccessForgetsThem() throws Exception {
        Attempts attempts = policies(START).home().attempts();
        Attempt first = attempts.failed(IssueKind.AGENT, "agent-1", "TIMEOUT", "timed out", Optional.empty(),
                START, Backoff.DEFAULT, before -> "m1");
        assertEquals(1, first.failures());
        assertEquals(START.plus(Duration.ofHours(1)), first.notBefore());
        Attempt second = attempts.failed(IssueKind.AGENT, "agent-1", "TIMEOUT", "timed out again",
                Optional.empty(), START.plus(Duration.ofHours(1)), Backoff.DEFAULT,
                before -> before.orElseThrow().messageId());
        assertEquals(2, second.failures());
        assertEquals(START.plus(Duration.ofHours(3)), second.notBefore());
        assertEquals("m1", second.messageId());
        // a CA that asked for later (Retry-After) is not tried before then, however short the backoff
        Instant asked = START.plus(Duration.ofHours(30));
        Attempt limited = attempts.failed(IssueKind.AGENT, "agent-2", "issuer-failed", "rate limited",
                Optional.of(asked), START, Backoff.DEFAULT, before -> "");
        assertEquals(asked, limited.notBefore());
        Attempt sooner = attempts.failed(IssueKind.AGENT, "agent-3", "issuer-failed", "rate limited",
                Optional.of(START.plus(Duration.ofMinutes(1))), START, Backoff.DEFAULT, before -> "");
        assertEquals(START.plus(Duration.ofHours(1)), sooner.notBefore(), "never earlier than the backoff");
        Attempt recorded = attempts.record(IssueKind.AGENT, List.of(), java.util.Map.of("agent-4",
                new Attempts.Failure("issuer-failed", "rate limited", Optional.of(asked))), START, Backoff.DEFAULT)
                .failed().get("agent-4");
        assertEquals(asked, recorded.notBefore());
        // another process on the home sees them
        assertEquals(Optional.of(second), policies(START).home().attempts().get(IssueKind.AGENT, "agent-1"));
        assertEquals(Optional.of(second), attempts.succeeded(IssueKind.AGENT, "agent-1"));
        assertEquals(Optional.empty(), attempts.get(IssueKind.AGENT, "agent-1"));
    }

    @Test
    void aHugeSettingsFileIsRefused() throws Exception {
        Files.createDirectories(home.resolve("renewal"));
        Path file = home.resolve("renewal/attempts.properties");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] { 'x' }), SettingsFile.MAX_SIZE);
        }
        java.io.IOException refused = assertThrows(java.io.IOException.class,
                () -> policies(START).home().attempts().get(IssueKind.AGENT, "agent-1"));
        assertTrue(refused.getMessage().endsWith("attempts.properties is larger than 16,777,216 bytes; it was not read"),
                refused.getMessage());
    }

    @Test
    void aLinkInPlaceOfASettingsFileIsRefusedAndWhatItPointsAtIsLeftAlone() throws Exception {
        Path victim = Files.writeString(home.resolve("victim.conf"), "root's file\n");
        Files.createDirectories(home.resolve("renewal"));
        Files.createSymbolicLink(home.resolve("renewal/attempts.properties"), victim);
        Attempts attempts = policies(START).home().attempts();

        java.io.IOException read = assertThrows(java.io.IOException.class,
                () -> attempts.get(IssueKind.AGENT, "agent-1"));
        java.io.IOException written = assertThrows(java.io.IOException.class, () -> attempts.record(IssueKind.AGENT,
                List.of(), java.util.Map.of("agent-1", new Attempts.Failure("agent", "down")), START,
                Backoff.DEFAULT));

        for (java.io.IOException refused : List.of(read, written)) {
            assertTrue(refused.getMessage().startsWith(home.resolve("renewal/attempts.properties")
                    + " is a symbolic link: CertBench neither writes nor reads a file through a link"),
                    refused.getMessage());
        }
        assertEquals("root's file\n", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(home.resolve("renewal/attempts.properties")));
    }

    @Test
    void aLinkInPlaceOfTheRenewalDirectoryIsRefusedAndNothingIsWrittenWhereItPoints() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.createSymbolicLink(home.resolve("renewal"), elsewhere);

        RenewalException refused = assertThrows(RenewalException.class, () -> policies(START).setPolicy(
                new RenewalPolicy(IssueKind.AGENT, Optional.of("local"), DueRule.DEFAULT, false)));

        assertTrue(refused.getMessage().contains(home.resolve("renewal") + " is a symbolic link: CertBench writes no "
                + "file into a directory behind a link"), refused.getMessage());
        try (var entries = Files.list(elsewhere)) {
            assertEquals(List.of(), entries.toList());
        }
        java.io.IOException run = assertThrows(java.io.IOException.class,
                () -> RunLock.tryAcquire(home.resolve("renewal/run.lock")));
        assertTrue(run.getMessage().contains("is a symbolic link"), run.getMessage());
    }
}
