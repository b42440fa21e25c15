package org.certbench.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.host.HostCertificates;
import org.certbench.host.TargetSummary;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The host certificates are a service of their own: wired to no application bundle (the shell), with Gogo only an
 * optional import for its commands. (The trust store's tests also start it in a framework without Gogo.)
 */
class HostLayeringTest {

    private final Bundle bundle = FrameworkUtil.getBundle(HostCertificateService.class);

    @Test
    void theHostBundleIsWiredToNoShellBundle() {
        List<String> providers = bundle.adapt(BundleWiring.class).getRequiredWires(null).stream()
                .map(BundleWire::getProvider).map(BundleRevision::getSymbolicName).distinct().toList();

        assertEquals(List.of(), providers.stream().filter(name -> name.startsWith("org.certbench.shell")).toList(),
                "wired to " + providers);
    }

    @Test
    void gogoIsNotImportedOrOptionally() {
        List<BundleRequirement> gogo = bundle.adapt(BundleRevision.class)
                .getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(requirement -> requirement.getDirectives().getOrDefault("filter", "")
                        .contains("org.apache.felix.service.command"))
                .toList();

        // none is fine too: bnd may inline Gogo's constants and import nothing of it
        assertEquals(List.of(), gogo.stream().filter(requirement -> !PackageNamespace.RESOLUTION_OPTIONAL
                .equals(requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE)))
                .toList(), "imports of Gogo's command package that are not optional");
    }

    /** This runtime is the workbench's (the shell is in it too): the service is checked here, not the absence. */
    @Test
    void itsServiceAnswers() throws Exception {
        HostCertificates hosts = service(HostCertificates.class);

        List<String> targets = hosts.targets().stream().map(TargetSummary::id).toList();
        assertTrue(targets.containsAll(List.of("https", "postgresql")), "the built-in targets: " + targets);
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle.getBundleContext(), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            assertNotNull(service, type.getSimpleName() + " registered");
            return service;
        } finally {
            tracker.close();
        }
    }
}
