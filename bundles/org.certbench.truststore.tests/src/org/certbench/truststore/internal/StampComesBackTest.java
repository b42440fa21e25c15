package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.certbench.core.FileStamp;
import org.certbench.testing.pki.PkiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file changed again within its clock tick can come back with the very stamp it had (same size, same modification
 * time, an inode number handed out again): a stamp taken within the tick is not trusted, the file is read again.
 */
class StampComesBackTest {

    @TempDir
    Path work;

    @Test
    void aCertificateFileRewrittenWithTheSameStampIsReadAgain() throws Exception {
        Path directory = Files.createDirectories(work.resolve("truststore"));
        String first = PkiFixtures.pem(PkiFixtures.ca("CN=First Root", PkiFixtures.freshEc()));
        String second = PkiFixtures.pem(PkiFixtures.ca("CN=Other Root", PkiFixtures.freshEc()));
        int size = Math.max(first.length(), second.length());
        Path file = directory.resolve("root.pem");
        FileTime tick = FileTime.from(Instant.now());
        Files.writeString(file, first + "\n".repeat(size - first.length()), StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, tick);
        CaDirectory store = new CaDirectory(directory);
        Map<String, CaDirectory.Stored> read = store.update(Map.of());
        FileStamp before = FileStamp.of(file);

        // rewritten in place, same size, modification time set back: the stamp is exactly what it was
        Files.writeString(file, second + "\n".repeat(size - second.length()), StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, tick);
        assertEquals(before, FileStamp.of(file), "the test's premise: the stamp came back");

        assertEquals("Other Root", store.update(read).get("root.pem").entry().commonName());
    }

    @Test
    void onlyAStampWithinATickOfItsLookIsUnsure() throws Exception {
        Instant now = Instant.now();
        assertTrue(stamp(now.minusMillis(500)).racyAt(now));
        assertFalse(stamp(now.minus(Duration.ofMinutes(1))).racyAt(now), "an old change is settled");
        assertFalse(stamp(now.plus(Duration.ofHours(1))).racyAt(now),
                "a modification time in the future is not racy for ever");
        assertEquals(FileStamp.UNSURE, stamp(now).trustedAt(now));
        assertEquals(stamp(now.minus(Duration.ofMinutes(1))), stamp(now.minus(Duration.ofMinutes(1))).trustedAt(now));
        assertFalse(FileStamp.ABSENT.racyAt(now));
    }

    private static FileStamp stamp(Instant modified) {
        return new FileStamp(FileTime.from(modified), 10, "inode");
    }
}
