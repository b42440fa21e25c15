package org.certbench.example.haproxy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record of what the frontends served: one that cannot be read (larger than its bound) is refused in words when
 * read, and replaced by the next save instead of blocking every later one.
 */
class FrontendsSeenTest {

    @TempDir
    Path directory;

    @Test
    void anOversizedRecordIsRefusedInWordsThenReplacedByTheNextSave() throws IOException {
        FrontendsSeen seen = new FrontendsSeen(directory);
        Files.write(seen.file(), new byte[FrontendsSeen.MAX_BYTES + 1]);

        IOException refused = assertThrows(IOException.class, seen::load);
        assertEquals(seen.file() + " is larger than 4194304 bytes; it was not read", refused.getMessage());

        FrontendsSeen.Read read = new FrontendsSeen.Read("stamp", List.of(), Instant.parse("2026-12-03T18:00:00Z"));
        seen.save(read);

        assertEquals(read, seen.load(), "the new read took the unreadable record's place");
    }
}
