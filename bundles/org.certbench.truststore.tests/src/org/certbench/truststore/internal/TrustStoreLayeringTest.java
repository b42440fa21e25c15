package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.certbench.truststore.OutboundTls;
import org.certbench.truststore.TrustStore;
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
 * The trust store is a service of its own: it is wired to no application bundle (the shell), Gogo is only an
 * optional import for its commands (if imported at all), and its services register and answer.
 */
class TrustStoreLayeringTest {

    private final Bundle bundle = FrameworkUtil.getBundle(FileTrustStore.class);

    @Test
    void theTrustStoreIsWiredToNoShellBundle() {
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

    /**
     * The shell is in this runtime (lazily started), so this shows only that the services answer;
     * TrustStoreWithoutGogoTest shows that they do without the shell and Gogo.
     */
    @Test
    void itsServicesAnswer() throws Exception {
        TrustStore store = service(TrustStore.class);
        OutboundTls outbound = service(OutboundTls.class);

        assertNotNull(store.list());
        assertNotNull(outbound.sslContext());
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
