package org.certbench.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Dictionary;
import java.util.Hashtable;

import org.certbench.testing.osgi.CountingServiceFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * The add-on gets every service marked {@code certbench.start=background} - which starts a delayed component - and
 * holds it until the workbench closes, since a delayed component nobody holds is stopped again; one registered later
 * (a plug-in's bundle refreshed) is got too, an unmarked one is not. Service factories (CountingServiceFactory) count
 * the gets and ungets of the real framework.
 */
class BackgroundServicesTest {

    /**
     * The test's own marker: the workbench this test runs in has the add-on too, and the framework counts a service
     * factory's gets per bundle, so services it could take would make the counts its as much as the test's.
     */
    private static final String TEST_FILTER = "(certbench.start=background-under-test)"; //$NON-NLS-1$

    @Test
    void getsTheMarkedServicesAndHoldsThemUntilItStops() {
        BundleContext context = FrameworkUtil.getBundle(BackgroundServicesTest.class).getBundleContext();
        CountingServiceFactory early = new CountingServiceFactory();
        CountingServiceFactory unmarked = new CountingServiceFactory();
        CountingServiceFactory later = new CountingServiceFactory();
        ServiceRegistration<?> earlyRegistration = context.registerService(Runnable.class, early, marked(true));
        ServiceRegistration<?> unmarkedRegistration = context.registerService(Runnable.class, unmarked, marked(false));
        ServiceRegistration<?> laterRegistration = null;
        BackgroundServices addon = new BackgroundServices(TEST_FILTER);
        try {
            addon.start();
            assertEquals(1, early.got(), "a marked service registered before the start was not got");
            laterRegistration = context.registerService(Runnable.class, later, marked(true));
            assertEquals(1, later.got(), "a marked service registered after the start was not got");
            assertEquals(0, early.released() + later.released(), "released before the workbench closed");

            addon.stop();
            assertEquals(1, early.released(), "held after the workbench closed");
            assertEquals(1, later.released(), "held after the workbench closed");
            assertEquals(0, unmarked.got(), "an unmarked service was got");
        } finally {
            addon.stop();
            earlyRegistration.unregister();
            unmarkedRegistration.unregister();
            if (laterRegistration != null) {
                laterRegistration.unregister();
            }
        }
    }

    @Test
    void aStopBeforeTheStartStartsNothing() {
        BundleContext context = FrameworkUtil.getBundle(BackgroundServicesTest.class).getBundleContext();
        CountingServiceFactory service = new CountingServiceFactory();
        ServiceRegistration<?> registration = context.registerService(Runnable.class, service, marked(true));
        try {
            BackgroundServices addon = new BackgroundServices(TEST_FILTER);
            addon.stop();
            // the workbench closed within the second before the Job ran
            addon.start();
            assertEquals(0, service.got(), "started after the workbench closed");
        } finally {
            registration.unregister();
        }
    }

    private static Dictionary<String, Object> marked(boolean background) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("certbench.start", background ? "background-under-test" : "with-the-window");
        return properties;
    }
}
