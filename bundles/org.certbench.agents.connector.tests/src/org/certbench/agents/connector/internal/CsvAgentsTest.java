package org.certbench.agents.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.certbench.agents.connector.FleetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent list file: a header line, then one agent per line; a bad line is reported, not fatal. */
class CsvAgentsTest {

    @TempDir
    Path work;

    @Test
    void linesBecomeAgentsAndBadLinesKeepTheirProblem() throws Exception {
        Path file = work.resolve("agents.csv");
        Files.writeString(file, "\uFEFFName, Host, Port\r\nweb01,10.0.0.1,9443\r\n\r\n\"db, 02\",db02.example.com,9443\n"
                + "bad,10.0.0.3,99999\nshort,10.0.0.4\n");
        List<CsvAgents.Row> rows = CsvAgents.read(file);
        assertEquals(4, rows.size());
        assertEquals(new CsvAgents.Row(2, "web01", "10.0.0.1", 9443, null), rows.get(0));
        assertEquals("db, 02", rows.get(1).name());
        assertEquals("Line 5: '99999' is not a TCP port (1 to 65535).", rows.get(2).problem());
        assertEquals("Line 6: 2 fields instead of name,host,port.", rows.get(3).problem());
    }

    @Test
    void theFieldsOfABadLineAreCountedInWords() throws Exception {
        Path file = work.resolve("agents.csv");
        Files.writeString(file, "name,host,port\nalone\nweb01,10.0.0.1,9443,extra\n");
        List<CsvAgents.Row> rows = CsvAgents.read(file);
        assertEquals("Line 2: 1 field instead of name,host,port.", rows.get(0).problem());
        assertEquals("Line 3: 4 fields instead of name,host,port.", rows.get(1).problem());
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedInWords() throws Exception {
        Path file = work.resolve("agents.csv");
        Files.writeString(file, "web01,10.0.0.1,9443\n");
        FleetException refused = assertThrows(FleetException.class, () -> CsvAgents.read(file));
        assertEquals(file + " does not start with the header line name,host,port (it starts with 'web01,10.0.0.1,9443').",
                refused.getMessage());
        assertEquals("No such file: " + work.resolve("none.csv"),
                assertThrows(FleetException.class, () -> CsvAgents.read(work.resolve("none.csv"))).getMessage());
    }

    @Test
    void aFifoIsRefusedInWordsInsteadOfHoldingTheImportUp() throws Exception {
        Path fifo = work.resolve("agents.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        // no writer ever opens it: a read that opened it would wait for ever, so the limit only stops a hanging
        // test (it measures nothing)
        FleetException refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(FleetException.class, () -> CsvAgents.read(fifo)));
        assertEquals(fifo + " is no regular file (a FIFO or a device would hold the import up for ever); give a file "
                + "of name,host,port lines.", refused.getMessage());

        // a link the administrator names is followed, as for every file the administrator names, but not to a FIFO
        Path link = Files.createSymbolicLink(work.resolve("link.csv"), fifo);
        assertEquals(link + " is no regular file (a FIFO or a device would hold the import up for ever); give a file "
                + "of name,host,port lines.", assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> assertThrows(FleetException.class, () -> CsvAgents.read(link))).getMessage());
    }

    @Test
    void aLinkTheAdministratorNamesIsFollowedToItsFile() throws Exception {
        Path file = Files.writeString(work.resolve("inventory.csv"), "name,host,port\nweb01,10.0.0.1,9443\n");
        Path link = Files.createSymbolicLink(work.resolve("agents.csv"), file);
        assertEquals(List.of(new CsvAgents.Row(2, "web01", "10.0.0.1", 9443, null)), CsvAgents.read(link));
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedInWords() throws Exception {
        Path file = work.resolve("agents.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(CsvAgents.MAX_BYTES + 1);
        }
        assertEquals(file + " is larger than 16 MiB; that is no list of agents.",
                assertThrows(FleetException.class, () -> CsvAgents.read(file)).getMessage());
    }
}
