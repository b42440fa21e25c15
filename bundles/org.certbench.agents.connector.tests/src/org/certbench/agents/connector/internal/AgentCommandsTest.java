package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.certbench.agents.connector.internal.commands.AgentCommands;
import org.certbench.agents.connector.internal.commands.AgentOutcome;
import org.certbench.agents.connector.internal.commands.AgentRow;
import org.certbench.agents.connector.internal.commands.AgentShown;
import org.certbench.agents.connector.internal.commands.ConsoleShown;
import org.certbench.core.commands.CommandException;
import org.certbench.testing.pki.Openssl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent:*} as a script types them, parsed by the real Gogo runtime (options, quoting, {@code _import}),
 * against real agents.
 */
class AgentCommandsTest {

    @TempDir
    Path work;

    private ThreadIOImpl threadIo;
    private CommandSession session;
    private RunningAgent first;
    private RunningAgent second;

    @BeforeEach
    void startShell() throws Exception {
        FileAgentFleet fleet = new FileAgentFleet(work.resolve("home/agents"), work.resolve("home/console"),
                new FleetOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)),
                Clock.systemUTC());
        threadIo = new ThreadIOImpl();
        threadIo.start();
        CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
        AgentCommands commands = new AgentCommands(fleet);
        // the function names of the component's osgi.command.function property, as the OSGi shell registers them
        for (String function : List.of("add", "import", "remove", "list", "show", "trust", "csr", "verify", "apply",
                "selfsigned", "console")) {
            processor.addCommand("agent", commands, function);
        }
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
        first = RunningAgent.start("db 02", work);
        second = RunningAgent.start("web01", work);
    }

    @AfterEach
    void stop() throws Exception {
        first.stop();
        second.stop();
        threadIo.stop();
    }

    private Object run(String line) throws Exception {
        return session.execute(line);
    }

    @Test
    void theFleetFromTheShell() throws Exception {
        Path consolePem = work.resolve("console.pem");
        ConsoleShown console = (ConsoleShown) run("agent:console --out " + consolePem);
        assertTrue(Files.readString(consolePem).contains(console.pem().strip()));
        first.authorize(consolePem);
        second.authorize(consolePem);

        AgentShown added = (AgentShown) run("agent:add \"db 02\" 127.0.0.1 " + first.port);
        assertEquals("trusted", added.status());
        assertEquals(Openssl.servedFingerprint(work, first.port), added.sha256Fingerprint());
        CommandException wrong = assertThrows(CommandException.class, () -> run("agent:add --fingerprint "
                + added.sha256Fingerprint() + " web01 127.0.0.1 " + second.port));
        assertTrue(wrong.getMessage().contains("not the expected"), wrong.getMessage());

        Path csv = work.resolve("agents.csv");
        Files.writeString(csv, "name,host,port\nweb01,127.0.0.1," + second.port + "\nbroken,127.0.0.1,notaport\n");
        CommandException partly = assertThrows(CommandException.class, () -> run("agent:import " + csv));
        assertTrue(partly.getMessage().contains("broken: failed - Line 3: 'notaport' is not a TCP port"),
                partly.getMessage());
        assertTrue(partly.getMessage().contains("web01: ok - trusted"), partly.getMessage());

        @SuppressWarnings("unchecked")
        List<AgentRow> rows = (List<AgentRow>) run("agent:list");
        assertEquals(List.of("db 02", "web01"), rows.stream().map(AgentRow::name).toList());
        assertEquals(List.of("trusted", "trusted"), rows.stream().map(AgentRow::status).toList());

        second.cli("certificate-apply-self-signed", "--rekey");
        assertEquals("untrusted", ((AgentShown) run("agent:show web01")).status());
        @SuppressWarnings("unchecked")
        List<AgentOutcome> trusted = (List<AgentOutcome>) run("agent:trust --untrusted --yes");
        assertEquals(1, trusted.size());
        assertTrue(trusted.get(0).detail().startsWith("pinned SHA-256"), trusted.get(0).detail());
        assertEquals("trusted", ((AgentShown) run("agent:show web01")).status());

        Path csrs = work.resolve("csrs");
        @SuppressWarnings("unchecked")
        List<AgentOutcome> csrLines = (List<AgentOutcome>) run("agent:csr --dir " + csrs + " --o Example --c DE \"db 02\" web01");
        assertEquals(List.of("ok", "ok"), csrLines.stream().map(AgentOutcome::result).toList());
        assertTrue(Files.exists(csrs.resolve("web01.csr")));

        first.stop();
        CommandException down = assertThrows(CommandException.class,
                () -> run("agent:selfsigned --rekey \"db 02\" web01"));
        assertTrue(down.getMessage().startsWith("selfsigned: 1 of 2 agents failed"), down.getMessage());
        assertTrue(down.getMessage().contains("db 02: failed - Cannot connect"), down.getMessage());
        assertTrue(down.getMessage().contains("web01: ok - rekeyed, pinned SHA-256"), down.getMessage());

        assertEquals("removed 'db 02' (127.0.0.1:" + first.port + ")", run("agent:remove \"db 02\""));
        CommandException unknown = assertThrows(CommandException.class, () -> run("agent:show \"db 02\""));
        assertEquals("No agent named 'db 02' is in the inventory.", unknown.getMessage());
    }

    @Test
    void trustReplacesAPinOnlyForTheFingerprintShownOrWithYes() throws Exception {
        Path consolePem = work.resolve("console.pem");
        run("agent:console --out " + consolePem);
        first.authorize(consolePem);
        second.authorize(consolePem);
        String pinned = ((AgentShown) run("agent:add web01 127.0.0.1 " + second.port)).sha256Fingerprint();
        run("agent:add \"db 02\" 127.0.0.1 " + first.port);

        second.cli("certificate-apply-self-signed", "--rekey");
        String presented = Openssl.servedFingerprint(work, second.port);
        CommandException kept = assertThrows(CommandException.class, () -> run("agent:trust web01"));
        assertTrue(kept.getMessage().contains("web01: failed - not changed: the pinned certificate is SHA-256 " + pinned
                + "; it now presents SHA-256 " + presented + " (key SHA-256 "), kept.getMessage());
        assertTrue(kept.getMessage().contains("Compare the presented fingerprint out of band, then trust it with "
                + "agent:trust --fingerprint " + presented + " \"web01\" (or --yes to accept whatever is presented)."),
                kept.getMessage());
        assertEquals("untrusted", ((AgentShown) run("agent:show web01")).status(), "nothing was changed");

        CommandException other = assertThrows(CommandException.class,
                () -> run("agent:trust --fingerprint " + pinned + " web01"));
        assertTrue(other.getMessage().contains("web01: failed - It now presents a certificate with SHA-256 fingerprint "
                + presented + ", not the confirmed " + pinned + "; nothing was trusted."), other.getMessage());
        String forOne = "--fingerprint names the certificate one agent presents: give exactly one agent name with it, "
                + "and neither --untrusted nor --yes.";
        assertEquals(forOne, assertThrows(CommandException.class,
                () -> run("agent:trust --fingerprint " + presented + " web01 \"db 02\"")).getMessage());
        assertEquals(forOne, assertThrows(CommandException.class,
                () -> run("agent:trust --yes --fingerprint " + presented + " web01")).getMessage());

        @SuppressWarnings("unchecked")
        List<AgentOutcome> confirmed = (List<AgentOutcome>) run(
                "agent:trust --fingerprint " + presented.replace(":", "").toLowerCase() + " web01");
        assertEquals("pinned SHA-256 " + presented + ", was " + pinned, confirmed.get(0).detail());
        assertEquals("trusted", ((AgentShown) run("agent:show web01")).status());

        second.cli("certificate-apply-self-signed", "--rekey");
        String rekeyed = Openssl.servedFingerprint(work, second.port);
        @SuppressWarnings("unchecked")
        List<AgentOutcome> accepted = (List<AgentOutcome>) run("agent:trust --yes web01");
        assertEquals("pinned SHA-256 " + rekeyed + ", was " + presented, accepted.get(0).detail());
        @SuppressWarnings("unchecked")
        List<AgentOutcome> unchanged = (List<AgentOutcome>) run("agent:trust web01 \"db 02\"");
        assertEquals(List.of("ok", "ok"), unchanged.stream().map(AgentOutcome::result).toList(),
                "a trusted agent replaces no pin and needs no confirmation");
    }

    @Test
    void trustWithTheCaSwitchesAnAgentPinnedTodayToTrustingThatCa() throws Exception {
        Path consolePem = work.resolve("console.pem");
        run("agent:console --out " + consolePem);
        first.authorize(consolePem);
        run("agent:add \"db 02\" 127.0.0.1 " + first.port);

        // another console applied a CA-issued certificate (here: the agent's administrator, with the seed's CA)
        TestCa ca = TestCa.create(work.resolve("ca"), "Shell CA");
        Path csr = work.resolve("db02.csr");
        first.cli("certificate-create-csr", "--out-file", csr.toString());
        Path issued = ca.issue(csr, work.resolve("db02.crt"));
        first.cli("certificate-apply", "--ca-file", ca.certificateFile().toString(), "--file", issued.toString());
        AgentShown unknownCa = (AgentShown) run("agent:show \"db 02\"");
        assertEquals("untrusted", unknownCa.status());

        @SuppressWarnings("unchecked")
        List<AgentOutcome> pinned = (List<AgentOutcome>) run("agent:trust --yes \"db 02\"");
        assertTrue(pinned.get(0).detail().startsWith("pinned SHA-256 " + unknownCa.sha256Fingerprint())
                && pinned.get(0).detail().contains("This console does not know the CA 'Shell CA'"),
                pinned.get(0).detail());

        @SuppressWarnings("unchecked")
        List<AgentOutcome> switched = (List<AgentOutcome>) run(
                "agent:trust --ca \"" + ca.certificateFile() + "\" \"db 02\"");
        assertTrue(switched.get(0).detail().startsWith("trusts the CA 'Shell CA'"), switched.get(0).detail());
        assertEquals("trusted", ((AgentShown) run("agent:show \"db 02\"")).status());
    }
}
