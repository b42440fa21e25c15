package org.certbench.messages.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.certbench.core.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets of notify (SMTP password, webhook key) and of ACME (the binding's MAC key) are read by core's
 * {@link SecretFiles}. Each attack is shown working on a plain read first (the file's content is reachable), then
 * refused by {@link SecretFiles} in words, with nothing of the target returned.
 */
class SecretFilesTest {

    private static final int LIMIT = 64;
    private static final String TARGET = "root's secret, not for the mail server\n";

    @TempDir
    Path work;

    private Path ownersOnly(String name, String content) throws IOException {
        Path file = Files.writeString(work.resolve(name), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String refusal(Path file) {
        return assertThrows(IOException.class, () -> SecretFiles.read(file, LIMIT)).getMessage();
    }

    @Test
    void aRegularFileOfItsOwnerAloneIsReadAsItIs() throws Exception {
        Path file = ownersOnly("password", "s3cret\n");
        assertArrayEquals("s3cret\n".getBytes(StandardCharsets.US_ASCII), SecretFiles.read(file, LIMIT));
        // a path is taken normalized, as written: sub/.. is no detour through a directory
        assertArrayEquals("s3cret\n".getBytes(StandardCharsets.US_ASCII),
                SecretFiles.read(work.resolve("sub/../password"), LIMIT));
        Path exactly = ownersOnly("exactly", "x".repeat(LIMIT));
        assertEquals(LIMIT, SecretFiles.read(exactly, LIMIT).length);
    }

    @Test
    void aLinkToAnotherFileIsRefused() throws Exception {
        Path target = ownersOnly("target", TARGET);
        Path link = Files.createSymbolicLink(work.resolve("password-link"), target);
        assertEquals(TARGET, Files.readString(link), "the attack: a read by path follows the link");

        assertEquals(link + " is a symbolic link: CertBench neither writes nor reads a file through a link (whoever"
                + " owns the directory could point it at any file of the system). Remove the link, or give the file it"
                + " points to instead", refusal(link));
    }

    @Test
    void aFileInALinkedDirectoryIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("key"), TARGET);
        Files.setPosixFilePermissions(elsewhere.resolve("key"), PosixFilePermissions.fromString("rw-------"));
        Path linked = Files.createSymbolicLink(work.resolve("secrets"), elsewhere);
        assertEquals(TARGET, Files.readString(linked.resolve("key")), "the attack: the path leads elsewhere");

        assertEquals("its directory " + linked + " is a symbolic link: CertBench reads no secret through a link"
                + " (whoever can change the link would choose what it reads). Give the directory it points to instead",
                refusal(linked.resolve("key")));
    }

    @Test
    void aFileOthersMayReadOrChangeIsRefused() throws Exception {
        for (String permissions : new String[] { "rw-r-----", "rw----r--", "rw--w----", "rw-------" }) {
            Path file = ownersOnly("shared", "s3cret\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            if (permissions.equals("rw-------")) {
                assertEquals(7, SecretFiles.read(file, LIMIT).length);
                continue;
            }
            assertEquals("others than its owner may read or change it (" + permissions + "): it is no secret any"
                    + " more; if others could read it, replace it by a new one (for a key: ask its issuer), and keep"
                    + " it with chmod 600 " + file, refusal(file));
        }
    }

    @Test
    void aFifoOrADirectoryIsRefusedWithoutWaiting() throws Exception {
        Path fifo = work.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the attack: a FIFO whose reader blocks");
        assertEquals("it is no regular file (a FIFO or device could hold CertBench up or feed it without end); give a"
                + " plain file", refusal(fifo));
        assertEquals("it is no regular file (a FIFO or device could hold CertBench up or feed it without end); give a"
                + " plain file", refusal(Path.of("/dev/zero")));

        Path directory = Files.createDirectories(work.resolve("a-directory"));
        assertEquals("it is a directory, not a file", refusal(directory));
    }

    @Test
    void aFileLargerThanTheBoundIsRefused() throws Exception {
        Path large = ownersOnly("large", "x".repeat(LIMIT + 1));
        assertEquals("it holds more than 64 bytes, more than any secret of its kind", refusal(large));
    }

    @Test
    void aMissingFileOrDirectoryIsRefusedAndNoDirectoryIsMade() throws Exception {
        assertEquals("there is no such file", refusal(work.resolve("no-such-file")));
        assertEquals("there is no such file", refusal(work.resolve("no-such-dir/key")));
        assertTrue(Files.notExists(work.resolve("no-such-dir")), "no directory made for a mistyped path");
    }
}
