package org.certbench.truststore.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.certbench.testing.messages.RecordedMessages;

/**
 * A second process over the same trust store, as a {@code certbench-shell} beside the workbench: it opens the store
 * (and so holds its own copy), says {@code ready}, waits for a line on stdin, then imports every file of
 * {@code INCOMING} in name order and says {@code imported COUNT}.
 * {@code java -cp … TrustStoreProcess STORE INCOMING}
 */
public final class TrustStoreProcess {

    private TrustStoreProcess() {
    }

    public static void main(String[] args) throws Exception {
        FileTrustStore store = new FileTrustStore(Path.of(args[0]), new TrustStoreSettings(
                TrustStoreSettings.DEFAULT_WARNING_DAYS, Duration.ofHours(24), List.of()), new RecordedMessages(),
                Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(args[1]))) {
            files = listing.sorted().toList();
        }
        for (Path file : files) {
            store.importCertificate(file);
        }
        System.out.println("imported " + files.size());
    }
}
