package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.certbench.agent.cli.AgentCli;
import org.certbench.agent.state.AgentStateDirectory;
import org.certbench.agents.protocol.Json;
import org.certbench.agents.protocol.JsonObject;
import org.certbench.core.AuditEntry;
import org.certbench.core.AuditRecords;
import org.certbench.crypto.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, 5 (agent): every change by the CLI leaves its entry; audit-list reads them, --since filters. */
class AuditListTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    private Agents.CliResult cli(String command, String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = command;
        all[1] = "--state-dir";
        all[2] = state.toString();
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return Agents.cli(all);
    }

    private String inUse() throws Exception {
        return Certificates.read(cli("certificate-get").stdout().getBytes(), "get").certificate().sha256Fingerprint();
    }

    private Path monthFile() {
        return state.resolve("audit").resolve(YearMonth.now(ZoneOffset.UTC) + ".jsonl");
    }

    private List<Map<String, Object>> lines() throws Exception {
        return Files.readAllLines(monthFile()).stream().map(line -> {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) Json.parse(line);
                return object;
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void everyChangeByTheCommandLineLeavesOneEntryWithFingerprintsBeforeAndAfter() throws Exception {
        String first = inUse();
        assertEquals(0, cli("certificate-apply-self-signed", "--rekey").exitCode());
        String rekeyed = inUse();
        MicroCa ca = MicroCa.create(files, "ca");
        Path csr = files.resolve("agent.req");
        assertEquals(0, cli("certificate-create-csr", "--out-file", csr.toString()).exitCode());
        Path issued = ca.issue(csr, "agent.crt");
        assertEquals(0, cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file",
                issued.toString(), "--what-if").exitCode());
        assertEquals(0, cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file",
                issued.toString()).exitCode());
        String applied = inUse();
        assertEquals(1, cli("certificate-apply", "--ca-file", issued.toString(), "--file", issued.toString())
                .exitCode());
        assertEquals(0, cli("certificate-apply-self-signed").exitCode());
        assertEquals(0, cli("console-authorize", "--file", ca.certificateFile().toString()).exitCode());
        String console = Certificates.read(ca.certificateFile()).certificate().sha256Fingerprint();
        assertEquals(0, cli("console-revoke", console).exitCode());

        List<Map<String, Object>> lines = lines();
        assertEquals(List.of("certificate.rekey", "certificate.apply", "certificate.apply", "certificate.self-signed",
                "console.authorize", "console.revoke"), lines.stream().map(line -> line.get("action")).toList());
        assertEquals(List.of(first, rekeyed, applied, applied), lines.subList(0, 4).stream()
                .map(line -> line.get("before")).toList());
        assertEquals(rekeyed, lines.get(0).get("after"));
        assertEquals(applied, lines.get(1).get("after"));
        assertEquals("failed", lines.get(2).get("result"));
        assertTrue(String.valueOf(lines.get(2).get("message")).contains("agent.crt"), lines.get(2).toString());
        assertEquals(rekeyed, lines.get(3).get("after"), "the self-signed certificate of the key is restored");
        assertEquals(console, lines.get(4).get("after"));
        assertEquals(console, lines.get(5).get("before"));
        for (Map<String, Object> line : lines) {
            assertEquals("root", line.get("who"));
            assertTrue(Instant.parse((String) line.get("time")).isBefore(Instant.now().plusSeconds(1)));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(monthFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(monthFile().getParent())));

        Agents.CliResult listed = cli("audit-list");
        assertEquals(0, listed.exitCode(), listed.stderr());
        assertEquals("", listed.stderr());
        List<String> shown = listed.stdout().lines().toList();
        assertEquals(6, shown.size(), listed.stdout());
        assertTrue(shown.get(0).contains("root  certificate.rekey  this agent (" + state + ")  " + first + " -> "
                + rekeyed + "  ok"), shown.get(0));
        assertTrue(shown.get(2).contains("failed: "), shown.get(2));
    }

    @Test
    void aLastLineCutByACrashIsNamedInWordsAndTheEntriesBeforeItAndAfterItAreRead() throws Exception {
        assertEquals(0, cli("certificate-apply-self-signed", "--rekey").exitCode());
        assertEquals(0, cli("certificate-apply-self-signed", "--rekey").exitCode());
        String whole = Files.readString(monthFile());
        // the crash: the third entry's write stopped half-way
        Files.writeString(monthFile(), whole.substring(0, whole.indexOf('\n') + 1)
                + whole.substring(whole.indexOf('\n') + 1, whole.length() - 20));

        Agents.CliResult listed = cli("audit-list");

        assertEquals(0, listed.exitCode(), listed.stderr());
        assertEquals(1, listed.stdout().lines().count(), listed.stdout());
        assertTrue(listed.stderr().contains(monthFile() + ", line 2: the last line is damaged (cut off"),
                listed.stderr());
        assertTrue(listed.stderr().contains("the entries before it are intact"), listed.stderr());

        assertEquals(0, cli("certificate-apply-self-signed", "--rekey").exitCode());
        Agents.CliResult after = cli("audit-list");
        assertEquals(2, after.stdout().lines().count(), after.stdout() + after.stderr());
        assertTrue(after.stderr().contains(monthFile() + ", line 2: the line is damaged ("), after.stderr());
        assertFalse(after.stderr().contains("last line"), after.stderr());
    }

    @Test
    void sinceListsFromThatUtcDayOnAcrossMonthFiles() throws Exception {
        AgentStateDirectory directory = AgentStateDirectory.open(state);
        for (String time : List.of("2026-10-31T23:59:59Z", "2026-11-01T00:00:00Z", "2026-12-02T10:00:00Z")) {
            directory.auditLog(Clock.fixed(Instant.parse(time), ZoneOffset.UTC))
                    .append(new AuditEntry(Instant.parse(time), "root", "certificate.rekey", "this agent", "A", "B",
                            true, null));
        }
        assertTrue(Files.exists(state.resolve("audit/2026-10.jsonl")));
        assertTrue(Files.exists(state.resolve("audit/2026-12.jsonl")));

        Agents.CliResult since = cli("audit-list", "--since", "2026-11-01");
        assertEquals(0, since.exitCode(), since.stderr());
        List<String> shown = since.stdout().lines().toList();
        assertEquals(2, shown.size(), since.stdout());
        assertTrue(shown.get(0).startsWith("2026-11-01T00:00:00Z"), shown.get(0));
        assertTrue(shown.get(1).startsWith("2026-12-02T10:00:00Z"), shown.get(1));
        assertEquals(3, cli("audit-list").stdout().lines().count());
        AuditRecords none = directory.auditLog(Clock.systemUTC()).read(java.time.LocalDate.parse("2026-12-03"));
        assertEquals(List.of(), none.entries());
    }

    @Test
    void aSinceThatIsNoDayIsRefusedInWords() throws Exception {
        for (String bad : List.of("yesterday", "2026-13-01", "2026-12-01T00:00:00Z")) {
            Agents.CliResult result = cli("audit-list", "--since", bad);

            assertEquals(2, result.exitCode(), result.stderr());
            assertEquals("audit-list: --since must be a day such as 2026-12-01, not \"" + bad + "\".",
                    JsonObject.parse(result.stderr()).object("error").string("message"));
        }
    }

    @Test
    void anEntryIsNeverAppendedThroughALinkPlantedAtTheMonthsFile() throws Exception {
        assertEquals(0, cli("certificate-apply-self-signed", "--rekey").exitCode());
        Path target = files.resolve("elsewhere");
        Files.writeString(target, "");
        Files.delete(monthFile());
        Files.createSymbolicLink(monthFile(), target);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AgentCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> Agents.HOST, Clock.systemUTC())
                .run("certificate-apply-self-signed", "--rekey", "--state-dir", state.toString());

        // the change stands (the key is replaced); its entry is not written through the link
        assertEquals(0, exit);
        assertEquals("", Files.readString(target));
        assertTrue(Files.isSymbolicLink(monthFile()));
    }
}
