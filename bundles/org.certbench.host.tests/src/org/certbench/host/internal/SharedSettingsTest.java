package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.certbench.crypto.HostIdentity;
import org.certbench.testing.messages.RecordedMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One {@code host/https.properties} configured by the workbench and a shell at once: each changes the file as it is
 * on disk under the home's lock, so neither writes back an old value of a setting only the other changes.
 */
class SharedSettingsTest {

    @TempDir
    Path work;

    private HostCertificateService open() {
        HostCertificateService service = new HostCertificateService(work.resolve("host"), new RecordedMessages(),
                () -> new HostIdentity("web", "web.example.org", List.of()), Clock.systemUTC(), Duration.ofSeconds(3),
                false);
        service.addTarget(new HttpsTarget());
        return service;
    }

    @Test
    void twoHoldersChangingDifferentSettingsAtOnceLoseNeitherChange() throws Exception {
        int rounds = 200;
        HostCertificateService workbench = open();
        HostCertificateService shell = open();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> owners = threads.submit(() -> changeAndCount(workbench, "key.owner",
                    round -> "user" + round, rounds));
            Future<Integer> addresses = threads.submit(() -> changeAndCount(shell, "check.address",
                    round -> "127.0.0.1:" + (1000 + round), rounds));

            assertEquals(0, owners.get(), "times key.owner was found undone by the other holder");
            assertEquals(0, addresses.get(), "times check.address was found undone by the other holder");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(Optional.of("user" + (rounds - 1)), open().settings("https").value("key.owner"));
        assertEquals(Optional.of("127.0.0.1:" + (1000 + rounds - 1)), open().settings("https").value("check.address"));
    }

    /** Sets {@code key} round after round; counts the rounds after which the file no longer held this round's value. */
    private static int changeAndCount(HostCertificateService service, String key,
            java.util.function.IntFunction<String> value, int rounds) throws Exception {
        int undone = 0;
        for (int round = 0; round < rounds; round++) {
            service.configure("https", Map.of(key, value.apply(round)));
            if (!service.settings("https").value(key).equals(Optional.of(value.apply(round)))) {
                undone++;
            }
        }
        return undone;
    }
}
