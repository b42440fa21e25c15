package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Dictionary;
import java.util.Hashtable;

import org.certbench.testing.osgi.CountingServiceFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Before its command the shell gets every service marked {@code certbench.start=background} (which starts a delayed
 * component: the expiry check, the notifications' delivery at start) and keeps it until the service goes; an unmarked
 * one it leaves alone. Service factories (CountingServiceFactory) count the real framework's gets and ungets.
 */
class BackgroundServicesTest {

    @Test
    void getsTheMarkedServicesAndKeepsThem() {
        BundleContext context = FrameworkUtil.getBundle(BackgroundServicesTest.class).getBundleContext();
        CountingServiceFactory marked = new CountingServiceFactory();
        CountingServiceFactory unmarked = new CountingServiceFactory();
        ServiceRegistration<?> markedRegistration = context.registerService(Runnable.class, marked, start("background"));
        ServiceRegistration<?> unmarkedRegistration = context.registerService(Runnable.class, unmarked, start("eager"));
        try {
            BackgroundServices.start(context);
            assertEquals(1, marked.got(), "the marked service was not got");
            assertEquals(0, marked.released(), "the marked service was released while the shell runs");
            assertEquals(0, unmarked.got(), "an unmarked service was got");
        } finally {
            markedRegistration.unregister();
            unmarkedRegistration.unregister();
        }
        assertEquals(1, marked.released(), "the service's end did not release it");
    }

    private static Dictionary<String, Object> start(String value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("certbench.start", value);
        return properties;
    }
}
