package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.certbench.truststore.ProxySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * net.properties and truststore.properties are re-read at every look of a watch, by every process of the home: a
 * 10 MB file (a mistake, or another user's doing) is refused in words, never read into memory.
 */
class OversizedSettingsTest {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path home;

    @Test
    void anOversizedNetPropertiesIsRefusedInWords() throws IOException {
        Path file = oversized("net.properties", "proxy.host=proxy.example\nproxy.port=3128\n");

        IOException refused = assertThrows(IOException.class, () -> new NetSettings(file).load());
        assertEquals(file + " is larger than 65536 bytes; it was not read", refused.getMessage());
    }

    @Test
    void anOversizedTrustStorePropertiesIsReportedAndTheDefaultsHold() throws IOException {
        Path file = oversized("truststore.properties", "expiry.warning.days=5\n");

        TrustStoreSettings settings = TrustStoreSettings.load(file);
        assertEquals(TrustStoreSettings.DEFAULT_WARNING_DAYS, settings.warningDays());
        assertEquals(1, settings.problems().size(), settings.problems()::toString);
        assertEquals(true, settings.problems().get(0).contains(file + " is larger than 65536 bytes; it was not read"),
                settings.problems().get(0));
    }

    @Test
    void aSettingsFileAtTheBoundIsRead() throws IOException {
        String settings = "proxy.host=proxy.example\nproxy.port=3128\n";
        Path file = home.resolve("net.properties");
        Files.writeString(file, settings + "#".repeat(64 * 1024 - settings.length()));

        assertEquals(List.of(new ProxySettings("proxy.example", 3128)), List.of(new NetSettings(file).load()));
    }

    @Test
    void aNetPropertiesThatIsALinkIsRefusedInWordsNotFollowed() throws IOException {
        Path elsewhere = Files.writeString(home.resolve("elsewhere.properties"), "proxy.host=proxy.example\n");
        Path file = Files.createSymbolicLink(home.resolve("net.properties"), elsewhere);

        IOException refused = assertThrows(IOException.class, () -> new NetSettings(file).load());
        assertEquals(file.toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS) + " is a symbolic link: CertBench"
                + " neither writes nor reads a file through a link (whoever owns the directory could point it at any"
                + " file of the system). Remove the link, or give the file it points to instead",
                refused.getMessage());
    }

    @Test
    void aNetPropertiesThatIsAFifoIsRefusedInWordsRatherThanWaitedOn() throws Exception {
        Path fifo = home.resolve("net.properties");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<ProxySettings> read = thread.submit(() -> new NetSettings(fifo).load());
            java.util.concurrent.ExecutionException refused = assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> read.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(fifo.toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    + " is no regular file; it was not read", refused.getCause().getMessage());
        } finally {
            // a reader blocked in open(2) of the FIFO goes on once a writer opens it
            thread.shutdownNow();
            if (!thread.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
                new ProcessBuilder("sh", "-c", "exec true > \"$0\"", fifo.toString()).start();
            }
        }
    }

    private Path oversized(String name, String settings) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, settings + "#".repeat(TEN_MB) + "\n");
        return file;
    }
}
