package org.certbench.expiry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expiry state files are read under a cross-process lock: a link planted at their name would make a process
 * running as root read another file, a FIFO would block the read (and every process waiting for the lock) forever.
 * Both are refused in words (or, for the summaries read while a message is delivered, logged and named nobody).
 */
class StateFilesRefuseLinksAndFifosTest {

    /** Only a guard against a hang: none of these reads waits on anything. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void theLastCheckRecordIsNotReadThroughALink() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path elsewhere = Files.writeString(home.resolve("elsewhere"), Instant.EPOCH + "\n");
        Files.createSymbolicLink(expiry.resolve("last-check"), elsewhere);
        IOException refused = assertThrows(IOException.class, () -> new LastWholeCheck(expiry).last());
        assertEquals(linkRefusal(expiry.resolve("last-check")), refused.getMessage());
    }

    @Test
    void aFifoAsTheLastRefreshRecordIsRefusedRatherThanWaitedOn() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path fifo = fifo(expiry.resolve("last-refresh"));
        LastWholeCheck record = new LastWholeCheck(expiry, "last-refresh");
        IOException refused = guarded(() -> assertThrows(IOException.class, () -> record.ran(Instant.EPOCH)));
        assertEquals(fifoRefusal(fifo), refused.getMessage());
    }

    @Test
    void theReportedSelfSignedRecordIsNotReadThroughALink() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path elsewhere = Files.writeString(home.resolve("elsewhere"), "agent-a\n");
        Files.createSymbolicLink(expiry.resolve("selfsigned-reported"), elsewhere);
        IOException refused = assertThrows(IOException.class,
                () -> new ReportedSelfSigned(expiry).reportNew(Set.of("agent-a"), newly -> newly.size()));
        assertEquals(linkRefusal(expiry.resolve("selfsigned-reported")), refused.getMessage());
        assertEquals("agent-a\n", Files.readString(elsewhere), "the file behind the link is left as it was");
    }

    @Test
    void aFifoAsTheReportedSummariesRecordIsRefusedRatherThanWaitedOn() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path fifo = fifo(expiry.resolve("summed-reported"));
        ReportedSelfSigned record = new ReportedSelfSigned(expiry, "summed-reported");
        IOException refused = guarded(
                () -> assertThrows(IOException.class, () -> record.reportNew(Set.of("agent-a"), newly -> 1)));
        assertEquals(fifoRefusal(fifo), refused.getMessage());
    }

    @Test
    void theHostSightingsAreNotReadThroughALink() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path elsewhere = Files.writeString(home.resolve("elsewhere"), "secret=1\n");
        Files.createSymbolicLink(expiry.resolve("host-seen.properties"), elsewhere);
        IOException refused = assertThrows(IOException.class, () -> new LastServed(expiry).all());
        assertEquals(linkRefusal(expiry.resolve("host-seen.properties")), refused.getMessage());
    }

    @Test
    void aFifoAsTheHostSightingsIsRefusedRatherThanWaitedOn() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path fifo = fifo(expiry.resolve("host-seen.properties"));
        IOException refused = guarded(() -> assertThrows(IOException.class, () -> new LastServed(expiry).all()));
        assertEquals(fifoRefusal(fifo), refused.getMessage());
    }

    @Test
    void aSummaryRecordBehindALinkNamesNobody() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        Path summaries = Files.createDirectories(expiry.resolve("summaries"));
        // a record that would name a certificate, were it read through the link
        Path elsewhere = Files.writeString(home.resolve("elsewhere.json"), "{\"key\":\"expiry.agent.summary:ab\","
                + "\"within_days\":7,\"certificates\":[{\"id\":\"web\",\"name\":\"web\",\"sha256\":\"00\","
                + "\"not_after\":\"2030-01-01T00:00:00Z\"}]}", StandardCharsets.UTF_8);
        Files.createSymbolicLink(summaries.resolve("expiry.agent.summary-ab.json"), elsewhere);
        SummaryMembers.Named named = new SummaryMembers(expiry).read("expiry.agent.summary:ab", "agent");
        assertTrue(named.certificates().isEmpty(), "read through the link: " + named);
        assertEquals(null, named.withinDays());
    }

    @Test
    void aFifoAsASummaryRecordNamesNobodyRatherThanBlockingTheDelivery() throws Exception {
        Path expiry = Files.createDirectories(home.resolve("expiry"));
        fifo(Files.createDirectories(expiry.resolve("summaries")).resolve("expiry.agent.summary-ab.json"));
        SummaryMembers.Named named = guarded(
                () -> new SummaryMembers(expiry).read("expiry.agent.summary:ab", "agent"));
        assertTrue(named.certificates().isEmpty());
    }

    private static Path fifo(Path path) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor());
        return path;
    }

    private static <T> T guarded(ThrowingSupplier<T> read) {
        return assertTimeoutPreemptively(GUARD, read);
    }

    private static String linkRefusal(Path file) throws IOException {
        return real(file) + " is a symbolic link: CertBench neither writes nor reads a file through a link (whoever"
                + " owns the directory could point it at any file of the system). Remove the link, or give the file"
                + " it points to instead";
    }

    private static String fifoRefusal(Path file) throws IOException {
        return real(file) + " is no regular file; it was not read";
    }

    /** The refusal names the file in the directory as opened: the temporary directory may be behind a link. */
    private static Path real(Path file) throws IOException {
        return file.getParent().toRealPath().resolve(file.getFileName());
    }
}
