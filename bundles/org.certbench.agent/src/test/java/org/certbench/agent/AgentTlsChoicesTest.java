package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent offers what {@code TlsChoices} names: TLS 1.3's suites in CertBench's order (AES-128 first, whatever the
 * client prefers) and its signature schemes, with which a P-256 agent signs as ECDSA with SHA-256.
 */
class AgentTlsChoicesTest {

    private static final String REQUEST = "GET /v1/certificate HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n\r\n";

    @TempDir
    Path state;
    @TempDir
    Path files;

    @Test
    void theAgentChoosesItsOwnOrderOfSuitesAndSignsWithEcdsaSha256() throws Exception {
        try (Agents.Running agent = Agents.start(state)) {
            String preferred = Openssl.runWithInput(files, REQUEST, "s_client", "-connect",
                    "127.0.0.1:" + agent.port(), "-ign_eof", "-ciphersuites",
                    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256");
            String chacha = Openssl.runWithInput(files, REQUEST, "s_client", "-connect", "127.0.0.1:" + agent.port(),
                    "-ign_eof", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256");

            assertTrue(preferred.contains("TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256"), preferred);
            assertTrue(preferred.contains("Peer signature type: ECDSA"), preferred);
            assertTrue(preferred.contains("Peer signing digest: SHA256"), preferred);
            assertTrue(chacha.contains("TLSv1.3, Cipher is TLS_CHACHA20_POLY1305_SHA256"), chacha);
        }
    }
}
