package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.certbench.agents.protocol.JsonObject;
import org.certbench.crypto.CertificateKeyPair;
import org.certbench.crypto.Certificates;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The agent as separate processes: started, seen by openssl, stopped by SIGTERM, killed with SIGKILL mid-apply. */
@Order(1)
@ResourceLock(TestLocks.BOTH_CORES)
class AgentProcessTest {

    /** Kills per test: 100 in all, half while swapping certificates, half while rekeying. */
    private static final int TRIALS = 30;
    private static final int LANES = 2;

    @TempDir
    Path state;
    @TempDir
    Path files;

    @Test
    void runServesTheCertificateTheCliPrintsAndStopsOnSigterm() throws Exception {
        Path log = files.resolve("agent.log");
        AgentProcess.Server server = AgentProcess.startServer(state, log);
        Process agent = server.process();
        try {
            int port = server.port();

            Agents.CliResult get = AgentProcess.run("certificate-get", "--state-dir", state.toString());
            assertEquals(0, get.exitCode(), get.stderr());
            assertEquals(Certificates.read(get.stdout().getBytes(), "get").certificate().sha256Fingerprint(),
                    Openssl.servedFingerprint(files, port));
        } finally {
            agent.destroy();
        }
        assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
        AgentProcess.awaitLine(log, "stopped: port");
    }

    @Test
    void aFailingCommandPrintsJsonOnStderrAndExitsNonZero() throws Exception {
        Agents.CliResult result = AgentProcess.run("certificate-apply", "--state-dir", state.toString(), "--ca-file",
                files.resolve("ca.crt").toString(), "--file", files.resolve("agent.crt").toString());

        assertEquals(1, result.exitCode());
        assertEquals("", result.stdout());
        JsonObject error = JsonObject.parse(result.stderr()).object("error");
        assertEquals("FILE_ERROR", error.string("code"));
        assertTrue(error.string("message").contains("ca.crt"), result.stderr());
    }

    @Test
    void sigkillWhileSwappingCertificatesLeavesOneOfThemWithItsKey() throws Exception {
        MicroCa ca = MicroCa.create(files, "ca");
        Path csr = files.resolve("AGENT01.req");
        Agents.cli("certificate-create-csr", "--state-dir", state.toString(), "--out-file", csr.toString());
        Path issued = ca.issue(csr, "AGENT01.crt");
        String selfSigned = Certificates.read(state.resolve("identity.pem")).certificate().sha256Fingerprint();
        String caIssued = Certificates.read(issued).certificate().sha256Fingerprint();

        killRounds(lane -> new String[] { "swap", lane.toString(), ca.certificateFile().toString(), issued.toString() },
                stored -> assertTrue(Set.of(selfSigned, caIssued).contains(stored.certificate().sha256Fingerprint())));
    }

    @Test
    void sigkillWhileRekeyingLeavesAMatchingKeyAndCertificate() throws Exception {
        Agents.cli("certificate-get", "--state-dir", state.toString());

        killRounds(lane -> new String[] { "rekey", lane.toString() }, stored -> {
        });
    }

    /** A check of the identity a kill left. */
    private interface IdentityCheck {
        void check(CertificateKeyPair stored) throws Exception;
    }

    /**
     * {@link #TRIALS} kills of {@link ApplyLoopMain} at random moments, {@link #LANES} processes at a time on copies
     * of the state (two cores), each checked after its kill: key file 0600, key and certificate matching, served.
     */
    private void killRounds(Function<Path, String[]> arguments, IdentityCheck check) throws Exception {
        List<Path> lanes = new ArrayList<>(List.of(state));
        for (int i = 1; i < LANES; i++) {
            lanes.add(copyOfState(files.resolve("lane-" + i)));
        }
        writeClassArchive(arguments.apply(copyOfState(files.resolve("class-archive"))));
        for (int round = 0; round < TRIALS / LANES; round++) {
            List<Process> loops = new ArrayList<>();
            for (Path lane : lanes) {
                loops.add(AgentProcess.builder(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), ApplyLoopMain.class,
                        arguments.apply(lane)).redirectErrorStream(true).start());
            }
            try {
                for (Process loop : loops) {
                    String first = new BufferedReader(new InputStreamReader(loop.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
                    assertEquals("looping", first);
                }
                for (Process loop : loops) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 200));
                    loop.destroyForcibly();
                }
            } finally {
                for (Process loop : loops) {
                    loop.destroyForcibly();
                    loop.waitFor(30, TimeUnit.SECONDS);
                }
            }
            for (Path lane : lanes) {
                CertificateKeyPair stored = readIdentity(lane);
                check.check(stored);
                assertServes(lane, stored);
            }
        }
    }

    /**
     * One loop stopped by SIGTERM, on a state no kill checks: a JVM writes its class archive when it exits, which a
     * SIGKILLed one never does, and the {@link #TRIALS} loops after it then start from the archive.
     */
    private static void writeClassArchive(String[] arguments) throws Exception {
        Process loop = AgentProcess.builder(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), ApplyLoopMain.class,
                arguments).redirectErrorStream(true).start();
        try {
            assertEquals("looping", new BufferedReader(new InputStreamReader(loop.getInputStream(), StandardCharsets.UTF_8))
                    .readLine());
        } finally {
            loop.destroy();
            assertTrue(loop.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private Path copyOfState(Path copy) throws IOException {
        Files.createDirectories(copy);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
        try (var entries = Files.list(state)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    /** Reads identity.pem the way the agent does: the key must match the certificate, or reading fails. */
    private static CertificateKeyPair readIdentity(Path lane) throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lane.resolve("identity.pem"))),
                "the key file is readable by its owner only");
        byte[] content = Files.readAllBytes(lane.resolve("identity.pem"));
        return CertificateKeyPair.read(content, "identity.pem", content, "identity.pem");
    }

    /** The agent, restarted on the state the kill left, serves exactly that identity. */
    private static void assertServes(Path lane, CertificateKeyPair stored) throws Exception {
        try (Agents.Running agent = Agents.start(lane)) {
            assertEquals(stored.certificate().sha256Fingerprint(),
                    ConsoleClient.withoutCertificate().handshakeFingerprint(agent.port()));
        }
    }
}
