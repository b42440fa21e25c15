package org.certbench.truststore.internal;

import static org.certbench.testing.pki.PkiFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.certbench.truststore.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One trust store directory used by the workbench and a shell at once: each holds its own list in memory, and
 * neither acts on a stale copy of it - what one imports or deletes the other lists, deletes or imports again,
 * and the workbench's listeners hear of it without a Reload.
 */
class SharedTrustStoreTest {

    @TempDir
    Path work;

    private FileTrustStore open() throws IOException {
        return new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path ca(String name) throws IOException {
        Path file = work.resolve(name + ".pem");
        byte[] der = PkiFixtures.ca("CN=" + name, PkiFixtures.ec());
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    private static List<String> names(List<CaEntry> entries) {
        return entries.stream().map(CaEntry::commonName).toList();
    }

    @Test
    void aCaTheShellImportedIsListedByTheWorkbench() throws Exception {
        FileTrustStore workbench = open();
        workbench.importCertificate(ca("Workbench CA"));
        FileTrustStore shell = open();

        shell.importCertificate(ca("Shell CA"));

        assertEquals(List.of("Shell CA", "Workbench CA"), names(workbench.list()));
    }

    @Test
    void aCaTheShellDeletedIsGoneFromTheWorkbench() throws Exception {
        FileTrustStore workbench = open();
        CaEntry entry = workbench.importCertificate(ca("Old CA")).entry();
        FileTrustStore shell = open();

        shell.delete(entry.id());

        assertEquals(List.of(), workbench.list());
    }

    @Test
    void theWorkbenchDeletesACaTheShellImported() throws Exception {
        FileTrustStore workbench = open();
        CaEntry imported = open().importCertificate(ca("Shell CA")).entry();

        workbench.delete(imported.id().substring(0, 8));

        assertEquals(List.of(), open().list(), "on disk");
    }

    @Test
    void aCaTheShellDeletedIsImportedAgainByTheWorkbenchNotCalledPresent() throws Exception {
        FileTrustStore workbench = open();
        Path file = ca("Fleet CA");
        CaEntry entry = workbench.importCertificate(file).entry();
        open().delete(entry.id());

        ImportResult again = workbench.importCertificate(file);

        assertFalse(again.alreadyPresent(), "the file is gone: importing writes it again");
        assertEquals(List.of("Fleet CA"), names(open().list()), "on disk");
    }

    @Test
    void theWatchTellsTheWorkbenchWhatTheShellImportedAndDeleted() throws Exception {
        FileTrustStore workbench = open();
        AtomicInteger told = new AtomicInteger();
        List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        workbench.addChangeListener(() -> {
            told.incrementAndGet();
            seen.add(names(workbench.list()));
        });
        workbench.watch(Duration.ofMillis(20));
        try {
            FileTrustStore shell = open();
            CaEntry entry = shell.importCertificate(ca("Shell CA")).entry();
            awaitSeen(seen, List.of("Shell CA"));

            shell.delete(entry.id());
            awaitSeen(seen, List.of());
            assertTrue(told.get() >= 2, "told " + told.get() + " times");
        } finally {
            workbench.stop();
        }
    }

    @Test
    void aCaImportedWithinTheClockTickOfTheLastLookIsSeen() throws Exception {
        FileTrustStore workbench = open();
        FileTrustStore shell = open();
        shell.importCertificate(ca("First CA"));
        assertEquals(List.of("First CA"), names(workbench.list()));
        Path directory = work.resolve("truststore");
        java.nio.file.attribute.FileTime looked = Files.getLastModifiedTime(directory);

        shell.importCertificate(ca("Second CA"));
        // as a coarse file system clock would leave it: the directory's stamp as the workbench last saw it
        Files.setLastModifiedTime(directory, looked);

        assertEquals(List.of("First CA", "Second CA"), names(workbench.list()),
                "a directory stamp taken in the tick of its change is looked at again");
    }

    private static void awaitSeen(List<List<String>> seen, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!seen.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(seen.contains(expected), "a listener saw " + expected + ": " + seen);
    }
}
