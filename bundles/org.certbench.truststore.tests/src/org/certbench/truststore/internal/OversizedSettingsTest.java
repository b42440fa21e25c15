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

    private Path oversized(String name, String settings) throws IOException {
        Path file = home.resolve(name);
        Files.writeString(file, settings + "#".repeat(TEN_MB) + "\n");
        return file;
    }
}
