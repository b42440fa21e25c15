package org.certbench.truststore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.launch.EquinoxFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The trust store in an OSGi framework of its own that has neither Gogo nor the shell: only the bundles it is
 * wired to here (and theirs), Gogo's left out. It resolves, and its TrustStore service registers and answers.
 */
class TrustStoreWithoutGogoTest {

    /** What every CertBench runtime starts besides its bundles: SCR runs the components, EventAdmin sends events. */
    private static final List<String> RUNTIME = List.of("org.apache.felix.scr", "org.eclipse.equinox.event");

    @TempDir
    Path storage;

    @Test
    void theTrustStoreResolvesAndWorksWithoutGogo() throws Exception {
        Map<String, String> locations = dependencies(FrameworkUtil.getBundle(FileTrustStore.class));
        assertTrue(locations.containsKey("org.certbench.truststore"), locations::toString);
        assertTrue(locations.containsKey("org.apache.felix.scr"), locations::toString);

        Framework framework = new EquinoxFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE,
                storage.toString(), Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();
        try {
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (String location : locations.values()) {
                installed.add(context.installBundle(location));
            }
            for (Bundle bundle : installed) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            }
            Bundle store = installed.stream().filter(b -> b.getSymbolicName().equals("org.certbench.truststore"))
                    .findFirst().orElseThrow();
            assertEquals(Bundle.ACTIVE, store.getState(), "the trust store bundle started");
            assertEquals(List.of(), installed.stream().map(Bundle::getSymbolicName)
                    .filter(name -> name.startsWith("org.apache.felix.gogo") || name.startsWith("org.certbench.shell"))
                    .toList());

            ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                    context.createFilter("(objectClass=org.certbench.truststore.TrustStore)"), null);
            tracker.open(true);
            try {
                Object trustStore = tracker.waitForService(10_000);
                assertNotNull(trustStore, () -> "TrustStore registered without Gogo; bundles: " + installed.stream()
                        .map(bundle -> bundle.getSymbolicName() + "=" + bundle.getState()).toList());
                ServiceReference<Object> reference = tracker.getServiceReference();
                assertEquals(store, reference.getBundle());
                // another framework, other classes: called by name
                Object list = trustStore.getClass().getMethod("list").invoke(trustStore);
                assertTrue(list instanceof List<?>, String.valueOf(list));
            } finally {
                tracker.close();
            }
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /**
     * The location as another framework can install it: Equinox marks bundles installed from its configuration
     * "initial@", and the test runtime names them relative to its install area.
     */
    private static String absolute(String location, BundleContext context) {
        String plain = location.replaceFirst("^initial@", "");
        String prefix = "reference:file:";
        if (!plain.startsWith(prefix) || plain.startsWith(prefix + "/")) {
            return plain;
        }
        Path installArea = Path.of(URI.create(context.getProperty("osgi.install.area")));
        return prefix + installArea.resolve(plain.substring(prefix.length())).normalize();
    }

    /**
     * The locations of the trust store and of every bundle it is wired to, transitively, here; Gogo's bundles, the
     * system bundle and test fragments left out. SCR and EventAdmin are added with their own wires.
     */
    private static Map<String, String> dependencies(Bundle trustStore) {
        Map<String, String> locations = new LinkedHashMap<>();
        Deque<Bundle> next = new ArrayDeque<>();
        next.add(trustStore);
        for (Bundle bundle : trustStore.getBundleContext().getBundles()) {
            if (RUNTIME.contains(bundle.getSymbolicName())) {
                next.add(bundle);
            }
        }
        while (!next.isEmpty()) {
            Bundle bundle = next.poll();
            String name = bundle.getSymbolicName();
            if (bundle.getBundleId() == 0 || locations.containsKey(name) || name.startsWith("org.apache.felix.gogo")
                    || name.endsWith(".tests") || name.startsWith("org.junit") || name.startsWith("junit")
                    || name.startsWith("org.opentest4j") || name.startsWith("org.apiguardian")) {
                continue;
            }
            locations.put(name, absolute(bundle.getLocation(), trustStore.getBundleContext()));
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring != null) {
                for (BundleWire wire : wiring.getRequiredWires(null)) {
                    BundleRevision provider = wire.getProvider();
                    next.add(provider.getBundle());
                }
            }
        }
        return locations;
    }
}
