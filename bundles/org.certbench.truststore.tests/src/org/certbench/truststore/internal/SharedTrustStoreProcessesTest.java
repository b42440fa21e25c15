package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.certbench.crypto.Certificate;
import org.certbench.testing.messages.RecordedMessages;
import org.certbench.testing.pki.PkiFixtures;
import org.certbench.truststore.CaEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust store shared by two real processes (the workbench and a shell, each with its own copy in memory and its
 * own JVM, so the file lock, not an in-process lock, keeps them apart): importing at once, neither loses the other's
 * CAs nor stores one twice, and each ends up listing all of them.
 */
class SharedTrustStoreProcessesTest {

    @TempDir
    Path work;

    private FileTrustStore open() throws Exception {
        return new FileTrustStore(work.resolve("truststore"), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.systemUTC());
    }

    private Path incoming(String name, int count, byte[] shared) throws Exception {
        Path directory = Files.createDirectories(work.resolve(name));
        for (int i = 0; i < count; i++) {
            Files.writeString(directory.resolve(String.format("ca%03d.pem", i)),
                    PkiFixtures.pem(PkiFixtures.ca("CN=" + name + " CA " + i, PkiFixtures.freshEc())));
        }
        Files.writeString(directory.resolve("shared.pem"), PkiFixtures.pem(shared));
        return directory;
    }

    @Test
    void aWorkbenchAndAShellProcessImportingAtOnceLoseNothingAndStoreNothingTwice() throws Exception {
        int count = 40;
        byte[] shared = PkiFixtures.ca("CN=Shared CA", PkiFixtures.freshEc());
        Path mine = incoming("workbench", count, shared);
        Path theirs = incoming("shell", count, shared);
        FileTrustStore workbench = open();
        Process shell = new ProcessBuilder(java(), "-cp", classPath(), TrustStoreProcess.class.getName(),
                work.resolve("truststore").toString(), theirs.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", output.readLine());
            Writer go = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8);
            go.write("go\n");
            go.flush();
            List<Path> files;
            try (Stream<Path> listing = Files.list(mine)) {
                files = listing.sorted().toList();
            }
            for (Path file : files) {
                workbench.importCertificate(file);
            }
            assertTrue(shell.waitFor(120, TimeUnit.SECONDS), "the second process ended");
            String rest = String.join("\n", output.lines().toList());
            assertEquals(0, shell.exitValue(), rest);
            assertEquals("imported " + (count + 1), rest);
        } finally {
            shell.destroyForcibly();
        }

        int expected = 2 * count + 1;
        assertEquals(expected, workbench.list().size(), "the workbench's list, the shell's imports included");
        assertEquals(expected, open().list().size(), "on disk");
        try (Stream<Path> stored = Files.list(work.resolve("truststore"))) {
            assertEquals(expected, stored.count(), "one file per CA: the shared one stored once");
        }
        List<String> names = new ArrayList<>(workbench.list().stream().map(CaEntry::commonName).toList());
        assertTrue(names.contains("Shared CA") && names.contains("shell CA 0") && names.contains("workbench CA 0"),
                names.toString());
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where the classes the second process needs come from in this framework. */
    private static String classPath() throws Exception {
        ClassLoader crypto = Certificate.class.getClassLoader();
        List<Class<?>> types = List.of(TrustStoreProcess.class, FileTrustStore.class, CaEntry.class,
                org.certbench.core.FileStamp.class, Certificate.class, org.certbench.messages.SystemMessages.class,
                RecordedMessages.class, org.eclipse.osgi.util.NLS.class,
                Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider", false, crypto),
                Class.forName("org.bouncycastle.cert.X509CertificateHolder", false, crypto),
                Class.forName("org.bouncycastle.asn1.cms.ContentInfo", false, crypto));
        List<String> entries = new ArrayList<>();
        for (Class<?> type : types) {
            String entry = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            if (!entries.contains(entry)) {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
