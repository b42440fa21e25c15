package org.certbench.crypto.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

import org.certbench.crypto.CaImportRules;
import org.certbench.crypto.CertBenchCryptoException;
import org.certbench.crypto.CertificateReadResult;
import org.certbench.crypto.CertificationRequest;
import org.certbench.crypto.CertificationRequests;
import org.certbench.crypto.Certificates;
import org.certbench.crypto.PrivateKeys;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The three readers of the crypto core under Jazzer. Any input must give a result or a typed
 * {@link CertBenchCryptoException} with a message; any other exception or error is a finding.
 * <p>
 * Without {@code JAZZER_FUZZ} (the normal build) each method runs once per file in
 * {@code src/test/resources/org/certbench/crypto/fuzz/ReaderFuzzTestInputs/<method>/} (written by
 * {@link SeedInputs}, plus regression inputs of findings) and once with an empty input. With
 * {@code JAZZER_FUZZ=1} one selected method is fuzzed; see README.md.
 */
class ReaderFuzzTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /**
     * An input the readers need longer for is a finding too (a thread of the wizard or agent hangs on an upload).
     * Real files take milliseconds; the bound leaves room for class loading, Jazzer's instrumentation and a busy CI
     * machine. Checked after the call, so that fuzzing keeps running; libFuzzer's own timeout catches true hangs.
     */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "10m")
    void certificateReader(byte[] input) {
        long start = System.nanoTime();
        try {
            CertificateReadResult result = Certificates.read(input, "fuzz.pem");
            assertNotNull(result.certificate());
            // What the import wizard does next: check the CA rules and show the summary.
            assertNotNull(CaImportRules.check(result.certificate(), NOW));
            assertNotNull(result.certificate().summary());
        } catch (CertBenchCryptoException refused) {
            requireMessage(refused);
        }
        requireWithinLimit(start, input);
    }

    @FuzzTest(maxDuration = "10m")
    void privateKeyReader(byte[] input) {
        long start = System.nanoTime();
        try {
            KeyPair keyPair = PrivateKeys.read(input, "fuzz.key");
            assertNotNull(keyPair.getPrivate());
            assertNotNull(keyPair.getPublic());
        } catch (CertBenchCryptoException refused) {
            requireMessage(refused);
        }
        requireWithinLimit(start, input);
    }

    @FuzzTest(maxDuration = "10m")
    void csrReader(byte[] input) {
        long start = System.nanoTime();
        try {
            CertificationRequest request = CertificationRequests.read(input, "fuzz.csr");
            assertNotNull(request.subject());
            assertNotNull(request.subjectAlternativeNames());
            request.isSignatureValid();
        } catch (CertBenchCryptoException refused) {
            requireMessage(refused);
        }
        requireWithinLimit(start, input);
    }

    private static void requireWithinLimit(long start, byte[] input) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(LIMIT) < 0, "reading " + input.length + " bytes took " + took);
    }

    /** A refusal is shown to an administrator: it must carry its code and a text from the resource bundle. */
    private static void requireMessage(CertBenchCryptoException refused) {
        assertNotNull(refused.code());
        assertNotNull(refused.getMessage());
        assertFalse(refused.getMessage().isBlank());
    }
}
