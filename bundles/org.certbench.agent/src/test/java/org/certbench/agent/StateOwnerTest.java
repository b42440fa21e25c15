package org.certbench.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;

import org.certbench.agents.protocol.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, 3 (agent): the state directory belongs to the user running the agent (or root) and is writable by no
 * one else; root's CLI on the service user's state directory leaves every file it writes to that user, so the
 * service still reads its key. The tests run as root; {@code nobody} and {@code postgres} play service users.
 */
class StateOwnerTest {

    @TempDir
    Path parent;

    private Path serviceState(String user) throws Exception {
        Path state = Files.createDirectory(parent.resolve("state-" + user));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        Files.setOwner(state, principal(user));
        return state;
    }

    private static UserPrincipal principal(String user) throws Exception {
        return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
    }

    private static String owner(Path path) throws Exception {
        return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
    }

    private static String errorMessage(Agents.CliResult result) throws Exception {
        return JsonObject.parse(result.stderr()).object("error").string("message");
    }

    @Test
    void rootsCliOnTheServiceUsersStateKeepsEveryFileTheServiceUsersAndTheServiceReadsTheNewKey() throws Exception {
        Path state = serviceState("nobody");
        Path scratch = Files.createDirectory(parent.resolve("scratch"));
        String first = AsUser.cli("nobody", scratch, "certificate-get", "--state-dir", state.toString()).stdout();
        assertTrue(first.startsWith("-----BEGIN CERTIFICATE-----"), first);

        Agents.CliResult rekeyed = Agents.cli("certificate-apply-self-signed", "--rekey", "--state-dir", state.toString());
        assertEquals(0, rekeyed.exitCode(), rekeyed.stderr());
        Path console = Files.writeString(parent.resolve("console.pem"), first);
        assertEquals(0, Agents.cli("console-authorize", "--file", console.toString(), "--state-dir", state.toString())
                .exitCode());

        try (Stream<Path> files = Files.walk(state)) {
            for (Path file : files.toList()) {
                assertEquals("nobody", owner(file), file.toString());
            }
        }
        assertTrue(Files.exists(state.resolve("audit")), "root's changes are audited in the service's state");
        Agents.CliResult asService = AsUser.cli("nobody", scratch, "certificate-get", "--state-dir", state.toString());
        assertEquals(0, asService.exitCode(), asService.stderr());
        assertNotEquals(first, asService.stdout());
        assertEquals(Agents.cli("certificate-get", "--state-dir", state.toString()).stdout(), asService.stdout());
    }

    @Test
    void aStateDirectoryOfAnotherUserIsRefusedInWordsToAnyoneButRoot() throws Exception {
        Path state = serviceState("postgres");
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path scratch = Files.createDirectory(parent.resolve("scratch"));

        Agents.CliResult result = AsUser.cli("nobody", scratch, "certificate-get", "--state-dir", state.toString());

        assertEquals(1, result.exitCode(), result.stderr());
        String message = errorMessage(result);
        assertTrue(message.contains(state + " belongs to postgres, not to nobody"), message);
        assertTrue(message.contains("chown nobody " + state), message);
        assertFalse(Files.exists(state.resolve("identity.pem")));
    }

    @Test
    void aStateDirectoryOthersCanWriteIsRefusedInWordsAndNothingIsWritten() throws Exception {
        for (String permissions : List.of("rwxrwxrwx", "rwxrwx---")) {
            Path state = Files.createDirectory(parent.resolve("state-" + permissions));
            Files.setPosixFilePermissions(state, PosixFilePermissions.fromString(permissions));

            Agents.CliResult result = Agents.cli("certificate-get", "--state-dir", state.toString());

            assertEquals(1, result.exitCode(), result.stderr());
            String message = errorMessage(result);
            assertTrue(message.contains(state + " can be changed by " + (permissions.endsWith("rwx") ? "every user"
                    : "the group")), message);
            assertTrue(message.contains("chmod go-w " + state), message);
            assertFalse(Files.exists(state.resolve("identity.pem")));
        }
    }

    @Test
    void theRunningAgentRefusesAStateDirectoryOthersCanWrite() throws Exception {
        Path state = Files.createDirectory(parent.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx-w--w-"));

        Agents.CliResult result = Agents.cli("run", "--state-dir", state.toString(), "--bind", "127.0.0.1", "--port",
                "0");

        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(errorMessage(result).contains("can be changed by every user"), result.stderr());
    }

    @Test
    void aConsolesDirectoryThatIsALinkIsRefusedInWords() throws Exception {
        Path state = serviceState("nobody");
        Path elsewhere = Files.createDirectory(parent.resolve("elsewhere"));
        Files.createSymbolicLink(state.resolve("consoles"), elsewhere);

        Agents.CliResult result = Agents.cli("console-list", "--state-dir", state.toString());

        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(errorMessage(result).contains("is a symbolic link"), result.stderr());
        assertEquals("root", owner(elsewhere));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(elsewhere)));
    }

    @Test
    void aKeyFileThatIsALinkIsNeitherReadNorFollowedByRoot() throws Exception {
        Path state = serviceState("nobody");
        Path secret = Files.writeString(parent.resolve("secret"), "root's secret");
        Files.createSymbolicLink(state.resolve("identity.pem"), secret);

        Agents.CliResult result = Agents.cli("certificate-apply-self-signed", "--rekey", "--state-dir",
                state.toString());

        assertEquals(1, result.exitCode(), result.stderr());
        assertTrue(errorMessage(result).contains("symbolic link"), result.stderr());
        assertEquals("root's secret", Files.readString(secret));
        assertEquals("root", owner(secret));
    }
}
