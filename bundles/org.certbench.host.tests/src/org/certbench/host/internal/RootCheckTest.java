package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import org.certbench.core.ConfigurationOwners;
import org.junit.jupiter.api.Test;

/**
 * Core's one root check, as {@code id -u} sees this process, decides whether a service's tool runs as its user. That
 * the check says "not root" in a JVM run as nobody (the build runs as root, where a check that always said "root"
 * would pass these tests) is shown once, by the agent's DefaultStateLocationTest with its RootCheckProbe.
 */
class RootCheckTest {

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
}
