package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.certbench.crypto.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A certificate applied while the agent runs (here by the CLI on the same state directory, as an
 * administrator would) is what the next new connection sees, without a restart; openssl s_client confirms.
 */
class LiveCertificateSwapTest {

    @TempDir
    Path state;
    @TempDir
    Path files;

    @Test
    void theNextConnectionSeesTheAppliedCertificateAndThenTheRestoredSelfSignedOne() throws Exception {
        try (Agents.Running agent = Agents.start(state)) {
            ConsoleClient probe = ConsoleClient.withoutCertificate();
            String selfSigned = Openssl.servedFingerprint(files, agent.port());
            assertEquals(selfSigned, probe.handshakeFingerprint(agent.port()));

            MicroCa ca = MicroCa.create(files, "ca");
            Path csr = files.resolve("AGENT01.req");
            Agents.cli("certificate-create-csr", "--state-dir", state.toString(), "--out-file", csr.toString());
            Path issued = ca.issue(csr, "AGENT01.crt");
            Agents.CliResult applied = Agents.cli("certificate-apply", "--state-dir", state.toString(), "--ca-file",
                    ca.certificateFile().toString(), "--file", issued.toString());
            assertEquals(0, applied.exitCode(), applied.stderr());

            String caIssued = Certificates.read(issued).certificate().sha256Fingerprint();
            assertEquals(caIssued, Openssl.servedFingerprint(files, agent.port()));
            assertEquals(caIssued, probe.handshakeFingerprint(agent.port()));
            assertTrue(agent.logText().contains("certificate in use: SHA-256 " + caIssued), agent.logText());

            Agents.cli("certificate-apply-self-signed", "--state-dir", state.toString());
            assertEquals(selfSigned, Openssl.servedFingerprint(files, agent.port()));
        }
    }

    @Test
    void manyAgentsRunInOneProcessEachWithItsOwnStateKeyAndPort(@TempDir Path fleet) throws Exception {
        List<Agents.Running> agents = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                agents.add(Agents.start(fleet.resolve("agent" + i)));
            }
            Set<Integer> ports = new HashSet<>();
            Set<String> fingerprints = new HashSet<>();
            ConsoleClient probe = ConsoleClient.withoutCertificate();
            for (Agents.Running agent : agents) {
                assertNotEquals(0, agent.port());
                ports.add(agent.port());
                fingerprints.add(probe.handshakeFingerprint(agent.port()));
            }
            assertEquals(5, ports.size());
            assertEquals(5, fingerprints.size());
        } finally {
            agents.forEach(Agents.Running::close);
        }
    }
}
