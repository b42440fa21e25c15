package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.certbench.crypto.Certificates;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.certbench.testing.messages.RecordedMessages;

/**
 * The trust store's speed: import of 1,000 and reload of 10,000 CA certificates, beside the crypto core's raw
 * read rate. Prints numbers; asserts only correctness. Not part of the normal build (no "Test" in its name):
 * {@code ./mvnw verify -pl bundles/org.certbench.truststore.tests -am -Dtest=TrustStoreBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TrustStoreBenchmark {

    private static final int STORE_SIZE = 10_000;
    private static final int IMPORTS = 1_000;

    @TempDir
    Path work;

    @Test
    void importAndReload() throws Exception {
        List<byte[]> certificates = new ArrayList<>();
        for (int i = 0; i < STORE_SIZE; i++) {
            certificates.add(PkiFixtures.certificate("CN=Benchmark CA " + i + ",O=CertBench").ca(true).build());
        }
        List<Path> files = new ArrayList<>();
        Path incoming = Files.createDirectories(work.resolve("incoming"));
        for (int i = 0; i < IMPORTS; i++) {
            files.add(Files.writeString(incoming.resolve("ca" + i + ".pem"), pem(certificates.get(i))));
        }
        FileTrustStore store = new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(PkiFixtures.NOW, java.time.ZoneOffset.UTC));

        long start = System.nanoTime();
        for (Path file : files) {
            store.importCertificate(file);
        }
        double importSeconds = seconds(start);
        for (int i = IMPORTS; i < STORE_SIZE; i++) {
            Files.writeString(work.resolve("truststore").resolve("dropped" + i + ".pem"), pem(certificates.get(i)));
        }

        double bestReload = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            start = System.nanoTime();
            assertEquals(STORE_SIZE, store.reload().certificates());
            bestReload = Math.min(bestReload, seconds(start));
        }

        double bestRead = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            start = System.nanoTime();
            for (int i = 0; i < STORE_SIZE; i++) {
                Certificates.read(certificates.get(i), "ca" + i + ".der");
            }
            bestRead = Math.min(bestRead, seconds(start));
        }

        System.out.printf("import %d CA certificates: %.2f s (%.0f/s)%n", IMPORTS, importSeconds, IMPORTS / importSeconds);
        System.out.printf("reload %d CA certificates: %.3f s best of 5 (%.0f/s)%n", STORE_SIZE, bestReload,
                STORE_SIZE / bestReload);
        System.out.printf("crypto core raw read, one thread: %.3f s (%.0f/s); reload/raw ratio %.2f%n", bestRead,
                STORE_SIZE / bestRead, bestReload / bestRead);
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
