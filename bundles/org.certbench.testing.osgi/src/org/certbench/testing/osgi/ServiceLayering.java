package org.certbench.testing.osgi;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The checks every service bundle's layering test makes in its running framework: wired to no application bundle
 * (the shell), Gogo's command package imported optionally if at all, and its services registered. It fails with
 * AssertionError and needs no JUnit: a test's own framework without JUnit (TrustStoreWithoutGogoTest) resolves it.
 */
public final class ServiceLayering {

    private ServiceLayering() {
    }

    /** Fails, naming the bundles it is wired to, if {@code bundle} is wired to the shell. */
    public static void assertWiredToNoShellBundle(Bundle bundle) {
        List<String> providers = bundle.adapt(BundleWiring.class).getRequiredWires(null).stream()
                .map(BundleWire::getProvider).map(BundleRevision::getSymbolicName).distinct().toList();

        if (providers.stream().anyMatch(name -> name.startsWith("org.certbench.shell"))) {
            throw new AssertionError(bundle.getSymbolicName() + " is wired to the shell: wired to " + providers);
        }
    }

    /** Fails if {@code bundle} imports Gogo's command package without {@code resolution:=optional}. */
    public static void assertGogoIsNotImportedOrOptionally(Bundle bundle) {
        List<BundleRequirement> gogo = bundle.adapt(BundleRevision.class)
                .getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(requirement -> requirement.getDirectives().getOrDefault("filter", "")
                        .contains("org.apache.felix.service.command"))
                .toList();

        // none is fine too: bnd may inline Gogo's constants and import nothing of it
        List<BundleRequirement> mandatory = gogo.stream().filter(requirement -> !PackageNamespace.RESOLUTION_OPTIONAL
                .equals(requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE))).toList();
        if (!mandatory.isEmpty()) {
            throw new AssertionError("imports of Gogo's command package that are not optional: " + mandatory);
        }
    }

    /** The service {@code type} as {@code bundle} sees it, waited for up to 10 seconds; fails if none registers. */
    public static <T> T service(Bundle bundle, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle.getBundleContext(), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " not registered within 10 seconds");
            }
            return service;
        } finally {
            tracker.close();
        }
    }
}
