package org.certbench.expiry.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certbench.crypto.Certificate;
import org.certbench.expiry.ExpiryKinds;
import org.certbench.expiry.ExpiryRow;
import org.certbench.expiry.ExpiryWarning;
import org.certbench.expiry.WarnedCertificate;
import org.certbench.expiry.RenewalCoverage;
import org.certbench.messages.Severity;
import org.certbench.messages.SystemMessage;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one staged-warning mechanism, for each kind, with a clock the test moves: one message per threshold crossed,
 * the most urgent only, never repeated; hours under a day; no threshold longer than a third of the lifetime; one
 * summary for agents' pinned self-signed certificates; nothing for what a renewal policy covers.
 */
class StagedWarningsTest {

    private static final Map<String, List<Integer>> THRESHOLDS = Map.of(ExpiryKinds.CA, List.of(90, 30, 7, 1),
            ExpiryKinds.HOST, List.of(30, 7, 1), ExpiryKinds.AGENT, List.of(30, 7, 1), "haproxy", List.of(14, 1));

    private final RecordedMessages messages = new RecordedMessages();
    private final List<RenewalCoverage> coverages = new ArrayList<>();
    /** The expiry area of the home, where the reported self-signed stages are kept. */
    @TempDir
    Path home;

    private StagedWarnings warnings;

    @BeforeEach
    void warnings() {
        warnings = new StagedWarnings(messages, THRESHOLDS::get, coverages, home);
    }

    private static Certificate certificate(String cn, Instant from, Instant to, boolean ca) throws Exception {
        return Certificate.fromDer(PkiFixtures.certificate("CN=" + cn).ca(ca).validity(from, to).build(), cn);
    }

    private static Watched row(String kind, String id, Certificate certificate, Instant now) {
        return new Watched(ExpiryRow.of(kind, id, certificate.commonName(), "where " + id + " is used", certificate, null,
                now), false);
    }

    private int run(Instant now, Certificate certificate, String kind, String id) {
        return warnings.run(List.of(row(kind, id, certificate, now)), now);
    }

    @Test
    void eachKindWarnsOncePerThresholdCrossedTheMostUrgentOnly() throws Exception {
        Instant notAfter = NOW.plus(Duration.ofDays(40));
        Certificate ca = certificate("Soon Root", NOW.minus(Duration.ofDays(365)), notAfter, true);
        Certificate host = certificate("www.example", NOW.minus(Duration.ofDays(365)), notAfter, false);
        Certificate agent = certificate("db01.example", NOW.minus(Duration.ofDays(365)), notAfter, false);

        assertEquals(1, run(NOW, ca, ExpiryKinds.CA, "c0ffee"), "CA, 40 days left: the 90-day threshold");
        assertEquals(0, run(NOW, host, ExpiryKinds.HOST, "https"), "host: 30 days is its largest threshold");
        assertEquals(0, run(NOW.plus(Duration.ofDays(5)), ca, ExpiryKinds.CA, "c0ffee"), "35 days left: nothing new");
        Instant twentyLeft = NOW.plus(Duration.ofDays(20));
        assertEquals(1, run(twentyLeft, ca, ExpiryKinds.CA, "c0ffee"));
        assertEquals(1, run(twentyLeft, host, ExpiryKinds.HOST, "https"));
        assertEquals(1, run(twentyLeft, agent, ExpiryKinds.AGENT, "db01"));
        assertEquals(0, run(twentyLeft.plusSeconds(60), agent, ExpiryKinds.AGENT, "db01"), "never repeated");
        Instant hoursLeft = notAfter.minus(Duration.ofHours(12));
        assertEquals(1, run(hoursLeft, host, ExpiryKinds.HOST, "https"), "the 1-day threshold only, not 7 and 1");
        assertEquals(1, run(notAfter.plusSeconds(1), agent, ExpiryKinds.AGENT, "db01"), "expired");

        List<SystemMessage> posted = messages.list().reversed();
        List<String> texts = posted.stream().map(SystemMessage::text).toList();
        assertEquals(6, texts.size(), texts.toString());
        assertEquals("The CA certificate 'Soon Root' (where c0ffee is used) expires on 2026-07-11, in 40 days (SHA-256 "
                + ca.sha256Fingerprint() + "). Import its successor (ca:import FILE): connections whose chain ends at it are "
                + "not verified once it has expired.", texts.get(0));
        assertTrue(texts.get(1).startsWith("The CA certificate 'Soon Root' (where c0ffee is used) expires on "
                + "2026-07-11, in 20 days"), texts.get(1));
        assertTrue(texts.get(2).startsWith("The certificate of the host service 'www.example' (where https is used) "
                + "expires on 2026-07-11, in 20 days"), texts.get(2));
        assertTrue(texts.get(2).endsWith("Renew the certificate this host service serves (host:renew https through an "
                + "issuer, or host:generate or host:upload https); see it with host:show https."), texts.get(2));
        assertTrue(texts.get(3).startsWith("The certificate of agent 'db01.example' (where db01 is used) expires on "
                + "2026-07-11, in 20 days"), texts.get(3));
        assertTrue(texts.get(4).contains(", in 12 hours (SHA-256"), "hours, not 'in 0 days': " + texts.get(4));
        assertEquals("The certificate of agent 'db01.example' (where db01 is used) expired on 2026-07-11 (SHA-256 "
                + agent.sha256Fingerprint() + "). Renew the agent's certificate (agent:renew db01 through an issuer, or "
                + "agent:apply or agent:selfsigned --rekey db01; in the workbench: Manage certificates).", texts.get(5));
        assertEquals(List.of(Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING, Severity.WARNING,
                Severity.ERROR), posted.stream().map(SystemMessage::severity).toList());
        assertEquals(List.of("CA certificates", "CA certificates", "Host certificates", "Agents", "Host certificates",
                "Agents"), posted.stream().map(SystemMessage::source).toList());
        assertEquals("truststore.expires:c0ffee:90", posted.get(0).key(),
                "the CA keys are the trust store's former ones: an upgraded home repeats nothing");
    }

    @Test
    void aPluginsKindHasItsOwnThresholdsAndWords() throws Exception {
        Certificate frontend = certificate("api.example", NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(10)),
                false);

        assertEquals(1, run(NOW, frontend, "haproxy", "api"));

        assertTrue(messages.texts().get(0).startsWith("The haproxy certificate 'api.example' (where api is used) expires on "
                + "2026-06-11, in 10 days"), messages.texts().get(0));
        assertTrue(messages.texts().get(0).endsWith("Renew it with the tool that manages it."));
    }

    @Test
    void aThresholdLongerThanAThirdOfTheLifetimeDoesNotFire() throws Exception {
        // a 90-day certificate on the day it is issued: 90 days left, but only thresholds up to 30 days may fire
        Certificate shortLived = certificate("acme.example", NOW, NOW.plus(Duration.ofDays(90)), false);
        Watched caKind = row(ExpiryKinds.CA, "short", shortLived, NOW);

        assertNull(StagedWarnings.stage(caKind.row(), List.of(90, 30, 7, 1), NOW));
        assertEquals(0, warnings.run(List.of(caKind), NOW));
        Instant thirtyLeft = NOW.plus(Duration.ofDays(60));
        assertEquals(30, StagedWarnings.stage(caKind.row(), List.of(90, 30, 7, 1), thirtyLeft));
        // a 6-day certificate: not even the 7-day threshold fires, the 1-day one does
        Certificate sixDays = certificate("tiny.example", NOW, NOW.plus(Duration.ofDays(6)), false);
        assertNull(StagedWarnings.stage(row(ExpiryKinds.HOST, "tiny", sixDays, NOW).row(), List.of(30, 7, 1),
                NOW.plus(Duration.ofDays(1))));
        assertEquals(1, StagedWarnings.stage(row(ExpiryKinds.HOST, "tiny", sixDays, NOW).row(), List.of(30, 7, 1),
                NOW.plus(Duration.ofDays(5))));
    }

    @Test
    void underADayItReadsInHours() {
        assertEquals("in 23 hours", StagedWarnings.left(Duration.ofHours(23).plusMinutes(59)));
        assertEquals("in 1 hour", StagedWarnings.left(Duration.ofMinutes(90)));
        assertEquals("in less than an hour", StagedWarnings.left(Duration.ofMinutes(59)));
        assertEquals("in 1 day", StagedWarnings.left(Duration.ofHours(30)));
        assertEquals("in 2 days", StagedWarnings.left(Duration.ofHours(48)));
    }

    @Test
    void pinnedSelfSignedAgentsRaiseOneSummaryForAllOfThem() throws Exception {
        Instant from = NOW.minus(Duration.ofDays(365));
        List<Watched> agents = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            // half a day past a whole number of days, so that a minute later every agent is in the same stage
            Certificate own = certificate("agent" + i, from, NOW.plus(Duration.ofDays(i)).plusSeconds(12 * 3600), false);
            agents.add(new Watched(ExpiryRow.of(ExpiryKinds.AGENT, "agent" + i, "agent" + i, "10.0.0." + i + ":9443",
                    own, NOW, NOW), true));
        }

        assertEquals(1, warnings.run(agents, NOW));
        assertEquals(0, warnings.run(agents, NOW.plusSeconds(60)), "the same agents in the same stages: nothing new");

        assertEquals(1, messages.texts().size());
        assertEquals("The pinned self-signed certificates of 12 agents have expired or expire within 30 days: agent1, "
                + "agent10, agent11, agent12, agent2, agent3, agent4, agent5, agent6, agent7 and 2 more (12 agents in "
                + "all). CertBench does "
                + "not enforce the validity of a pinned certificate, so these agents keep working; to renew them, switch "
                + "them to a new self-signed certificate (agent:selfsigned --rekey) or apply CA-issued ones.",
                messages.texts().get(0));
        // two days later agent1 has expired, agent2, 3, 8 and 9 crossed the next threshold: one summary names them only
        assertEquals(1, warnings.run(agents, NOW.plus(Duration.ofDays(2))));
        assertEquals(2, messages.texts().size());
        assertTrue(messages.texts().get(1).startsWith("The pinned self-signed certificates of 5 agents have expired or "
                + "expire within 7 days: agent1, agent2, agent3, agent8, agent9 (12 agents in all). "),
                messages.texts().get(1));
        // another process on the home, with its own messages list: the same stages were reported already
        assertEquals(0, new StagedWarnings(new RecordedMessages(), THRESHOLDS::get, coverages, home)
                .run(agents, NOW.plus(Duration.ofDays(2)).plusSeconds(60)));
    }

    @Test
    void aCertificateARenewalPolicyCoversGetsNoWarningUntilTheCoverageLetsGo() throws Exception {
        Certificate host = certificate("www.example", NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(5)),
                false);
        boolean[] covered = { true };
        coverages.add((row, now) -> covered[0] && row.kind().equals(ExpiryKinds.HOST));
        coverages.add((row, now) -> {
            throw new IllegalStateException("a broken coverage covers nothing");
        });

        assertEquals(0, run(NOW, host, ExpiryKinds.HOST, "https"));
        covered[0] = false; // the renewal failed, or has been due for 24 hours
        assertEquals(1, run(NOW, host, ExpiryKinds.HOST, "https"));
    }

    @Test
    void tenThousandAgentsCrossingAThresholdAtOncePostOneSummaryNotTenThousandMessages() throws Exception {
        // issued together: one certificate serves every row (the keys differ by agent name)
        Certificate issued = certificate("fleet", NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(40)),
                false);
        List<Watched> fleet = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            fleet.add(new Watched(ExpiryRow.of(ExpiryKinds.AGENT, "agent" + i, "agent" + i, "10.0." + (i / 250) + "."
                    + (i % 250) + ":9443", issued, NOW, NOW), false));
        }
        Certificate host = certificate("www.example", NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(40)),
                false);
        fleet.add(row(ExpiryKinds.HOST, "https", host, NOW));
        Instant crossed = NOW.plus(Duration.ofDays(11));

        assertEquals(2, warnings.run(fleet, crossed), "one summary for the agents, the host service on its own");
        assertEquals(2, messages.texts().size());
        String summary = messages.texts().stream().filter(text -> text.startsWith("10000 ")).findFirst().orElseThrow();
        assertEquals("10000 agent certificates expire within 30 days: agent0, agent1, agent10, agent100, agent1000, "
                + "agent1001, agent1002, agent1003, agent1004, agent1005 and 9990 more. Renew the agent's certificate "
                + "(agent:renew NAME through an issuer, or agent:apply or agent:selfsigned --rekey NAME; in the "
                + "workbench: Manage certificates). Every one of them: expiry:list --kind agent.", summary);
        assertTrue(messages.texts().stream().anyMatch(text -> text.startsWith(
                "The certificate of the host service 'www.example'")), messages.texts().toString());
        assertEquals(0, warnings.run(fleet, crossed.plusSeconds(60)), "none of them again, summed or alone");
        assertEquals(0, new StagedWarnings(messages, THRESHOLDS::get, coverages, home).run(fleet,
                crossed.plusSeconds(120)), "nor in another process on the home");
        // ten agents only crossing the next stage: ten messages of their own
        List<Watched> few = new ArrayList<>(fleet.subList(0, SINGLE));
        assertEquals(SINGLE, warnings.run(few, NOW.plus(Duration.ofDays(34))));
    }

    @Test
    void summariesCountInWordsForNoneOneAndManyDays() {
        String todo = " Renew the agent's certificate (agent:renew NAME through an issuer, or agent:apply or"
                + " agent:selfsigned --rekey NAME; in the workbench: Manage certificates). Every one of them: expiry:list"
                + " --kind agent.";
        assertEquals("1 agent certificate expires today: a1." + todo, StagedWarnings.summaryText(ExpiryKinds.AGENT, 0,
                1, "a1"));
        assertEquals("2 agent certificates expire within 1 day: a1, a2." + todo,
                StagedWarnings.summaryText(ExpiryKinds.AGENT, 1, 2, "a1, a2"));
        assertEquals("1000 agent certificates expire within 7 days: many." + todo,
                StagedWarnings.summaryText(ExpiryKinds.AGENT, 7, 1000, "many"));
        assertEquals("1 agent certificate has expired: a1." + todo,
                StagedWarnings.summaryText(ExpiryKinds.AGENT, StagedWarnings.EXPIRED, 1, "a1"));
        assertEquals("3 agent certificates have expired: a1." + todo,
                StagedWarnings.summaryText(ExpiryKinds.AGENT, StagedWarnings.EXPIRED, 3, "a1"));
        assertTrue(StagedWarnings.selfSignedText(1, 0, "db01", 1).startsWith("The pinned self-signed certificate of 1"
                + " agent has expired or expires today: db01 (1 agent in all). "));
        assertTrue(StagedWarnings.selfSignedText(2, 1, "a, b", 2000).startsWith("The pinned self-signed certificates"
                + " of 2 agents have expired or expire within 1 day: a, b (2000 agents in all). "));
    }

    @Test
    void eachWarningNamesItsCertificatesSummariesAllOfThemUntilTheyLeaveTheBell() throws Exception {
        Instant from = NOW.minus(Duration.ofDays(365));
        List<Watched> watched = new ArrayList<>();
        List<ExpiryRow> rows = new ArrayList<>();
        for (int i = 1; i <= SINGLE + 2; i++) {
            Certificate own = certificate("lab" + i, from, NOW.plus(Duration.ofDays(20)), false);
            watched.add(new Watched(ExpiryRow.of(ExpiryKinds.AGENT, "lab" + i, "Lab " + i, "10.0.1." + i, own, NOW,
                    NOW), false));
            Certificate pinned = certificate("pinned" + i, from, NOW.plus(Duration.ofDays(5)), false);
            watched.add(new Watched(ExpiryRow.of(ExpiryKinds.AGENT, "pinned" + i, "pinned" + i, "10.0.2." + i, pinned,
                    NOW, NOW), true));
        }
        Certificate host = certificate("www.example", from, NOW.plus(Duration.ofDays(3)), false);
        watched.add(row(ExpiryKinds.HOST, "https", host, NOW));
        watched.forEach(item -> rows.add(item.row()));

        assertEquals(3, warnings.run(watched, NOW), "a summary, the self-signed summary, the host service");
        List<String> keys = new ArrayList<>(messages.list().stream().map(SystemMessage::key).toList());
        String renewed = "expiry.host.expires:old:" + String.join(":", java.util.Collections.nCopies(32, "AB")) + ":7";
        keys.addAll(List.of("not-an-expiry-key", renewed, "expiry.agent.summary:../../etc/passwd"));
        Map<String, ExpiryWarning> described = warnings.describe(keys, rows);

        assertEquals(4, described.size(), described.keySet().toString());
        ExpiryWarning summary = described.values().stream().filter(w -> w.event().equals(ExpiryWarning.SUMMARY))
                .findFirst().orElseThrow();
        assertEquals(ExpiryKinds.AGENT, summary.kind());
        assertEquals(30, summary.withinDays());
        assertEquals(SINGLE + 2, summary.certificates().size());
        WarnedCertificate first = summary.certificates().get(0);
        assertEquals("lab1", first.id());
        assertEquals("Lab 1", first.name());
        assertEquals(rows.get(0).certificate().sha256Fingerprint(), first.sha256());
        assertEquals(rows.get(0).notAfter(), first.notAfter());
        assertTrue(summary.action().startsWith("Renew the agent's certificate (agent:renew NAME"), summary.action());
        assertEquals("expiry:list --kind agent", summary.command());
        ExpiryWarning selfSigned = described.values().stream()
                .filter(w -> w.event().equals(ExpiryWarning.SELF_SIGNED)).findFirst().orElseThrow();
        assertEquals(SINGLE + 2, selfSigned.certificates().size());
        assertEquals(7, selfSigned.withinDays());
        assertTrue(selfSigned.action().contains("agent:selfsigned --rekey"), selfSigned.action());
        ExpiryWarning one = described.values().stream().filter(w -> w.event().equals(ExpiryWarning.EXPIRES)
                && w.kind().equals(ExpiryKinds.HOST) && w.certificates().get(0).row() != null).findFirst().orElseThrow();
        assertEquals(7, one.withinDays());
        assertEquals("https", one.certificates().get(0).id());
        assertEquals(host.sha256Fingerprint(), one.certificates().get(0).sha256());
        assertTrue(one.action().contains("host:renew https"), one.action());
        WarnedCertificate gone = described.get(renewed).certificates().get(0);
        assertEquals(new WarnedCertificate(ExpiryKinds.HOST, "old", null,
                String.join(":", java.util.Collections.nCopies(32, "AB")), null, null), gone,
                "renewed since: what the key says");

        // the summaries' records go once their messages have left the bell (another process's empty bell here), but
        // not within the hour: another process may have just written one it is about to post
        StagedWarnings emptyBell = new StagedWarnings(new RecordedMessages(), THRESHOLDS::get, coverages, home);
        emptyBell.run(List.of(), NOW);
        assertEquals(SINGLE + 2, warnings.describe(List.of(summary.key()), rows).get(summary.key()).certificates()
                .size());
        try (var records = java.nio.file.Files.list(home.resolve("summaries"))) {
            for (Path record : records.toList()) {
                java.nio.file.Files.setLastModifiedTime(record, java.nio.file.attribute.FileTime.from(
                        java.time.Instant.now().minus(Duration.ofHours(2))));
            }
        }
        emptyBell.run(List.of(), NOW);
        assertEquals(List.of(), warnings.describe(List.of(summary.key()), rows).get(summary.key()).certificates());
    }

    private static final int SINGLE = StagedWarnings.SINGLE_AT_MOST;
}
