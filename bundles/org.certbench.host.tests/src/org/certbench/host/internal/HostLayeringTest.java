package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.certbench.host.HostCertificates;
import org.certbench.host.TargetSummary;
import org.certbench.testing.osgi.ServiceLayering;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The host certificates are a service of their own: wired to no application bundle (the shell), with Gogo only an
 * optional import for its commands. (The trust store's tests also start it in a framework without Gogo.)
 */
class HostLayeringTest {

    private final Bundle bundle = FrameworkUtil.getBundle(HostCertificateService.class);

    @Test
    void theHostBundleIsWiredToNoShellBundle() {
        ServiceLayering.assertWiredToNoShellBundle(bundle);
    }

    @Test
    void gogoIsNotImportedOrOptionally() {
        ServiceLayering.assertGogoIsNotImportedOrOptionally(bundle);
    }

    /** This runtime is the workbench's (the shell is in it too): the service is checked here, not the absence. */
    @Test
    void itsServiceAnswers() throws Exception {
        HostCertificates hosts = ServiceLayering.service(bundle, HostCertificates.class);

        List<String> targets = hosts.targets().stream().map(TargetSummary::id).toList();
        assertTrue(targets.containsAll(List.of("https", "postgresql")), "the built-in targets: " + targets);
    }
}
