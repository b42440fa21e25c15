package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import org.certbench.core.ConfigurationOwners;
import org.certbench.core.TextBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Core's one root check, as {@code id -u} sees this process, decides whether a service's tool runs as its user. */
class RootCheckTest {

    @TempDir
    Path scratch;

    private static boolean rootById() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes()).strip();
        assertEquals(0, id.waitFor(), uid);
        return "0".equals(uid);
    }

    @Test
    void theRootCheckAgreesWithId() throws Exception {
        assertEquals(rootById(), ConfigurationOwners.runningAsRoot());
    }

    @Test
    void asRootAToolOfAnotherUsersServiceRunsAsThatUser() throws Exception {
        UserPrincipal nobody = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        UserPrincipal root = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root");
        List<String> reload = List.of("/bin/true", "reload");

        List<String> asNobody = ProcessRun.as(nobody, reload);
        if (rootById()) {
            assertEquals(List.of("-u", "nobody", "--", "/bin/true", "reload"), asNobody.subList(1, asNobody.size()));
            assertEquals(0, ProcessRun.run(asNobody, java.time.Duration.ofSeconds(10)).exitStatus());
        } else {
            assertEquals(reload, asNobody);
        }
        assertEquals(reload, ProcessRun.as(root, reload));
        assertEquals(reload, ProcessRun.as(null, reload));
    }

    /** The build runs as root, where a check that always said "root" would pass the tests above. */
    @Test
    void asNobodyTheCheckSaysNotRoot() throws Exception {
        if (!rootById()) {
            return; // only root can run a JVM as nobody; as anyone else theRootCheckAgreesWithId already says false
        }
        Path classes = scratch.resolve("classes");
        Path core = classes.resolve("org/certbench/core");
        Files.createDirectories(core);
        // what the check needs, copied out of the bundle (which nobody may not be able to read where it lies)
        for (String file : List.of("ConfigurationOwners.class", "TextBundle.class", "messages.properties")) {
            try (InputStream in = (file.startsWith("Text") ? TextBundle.class : ConfigurationOwners.class)
                    .getResourceAsStream(file)) {
                Files.copy(in, core.resolve(file));
            }
        }
        Path probe = scratch.resolve("Probe.java");
        Files.writeString(probe, "public class Probe { public static void main(String[] a) { "
                + "System.out.println(org.certbench.core.ConfigurationOwners.runningAsRoot()); } }");
        try (var paths = Files.walk(scratch)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(path,
                        PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process child = new ProcessBuilder("runuser", "-u", "nobody", "--", java, "-cp", classes.toString(),
                probe.toString()).redirectErrorStream(true).start();
        String answer = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertEquals(0, child.waitFor(), answer);
        assertEquals("false", answer);
    }
}
