package org.certbench.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Before its command the shell gets every service marked {@code certbench.start=background} (which starts a delayed
 * component: the expiry check, the notifications' delivery at start) and keeps it until the service goes; an unmarked
 * one it leaves alone. Service factories of the test's count the real framework's gets and ungets.
 */
class BackgroundServicesTest {

    @Test
    void getsTheMarkedServicesAndKeepsThem() {
        BundleContext context = FrameworkUtil.getBundle(BackgroundServicesTest.class).getBundleContext();
        Counting marked = new Counting();
        Counting unmarked = new Counting();
        ServiceRegistration<?> markedRegistration = context.registerService(Runnable.class, marked, start("background"));
        ServiceRegistration<?> unmarkedRegistration = context.registerService(Runnable.class, unmarked, start("eager"));
        try {
            BackgroundServices.start(context);
            assertEquals(1, marked.got.get(), "the marked service was not got");
            assertEquals(0, marked.released.get(), "the marked service was released while the shell runs");
            assertEquals(0, unmarked.got.get(), "an unmarked service was got");
        } finally {
            markedRegistration.unregister();
            unmarkedRegistration.unregister();
        }
        assertEquals(1, marked.released.get(), "the service's end did not release it");
    }

    private static Dictionary<String, Object> start(String value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("certbench.start", value);
        return properties;
    }

    private static final class Counting implements ServiceFactory<Runnable> {
        final AtomicInteger got = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();

        @Override
        public Runnable getService(Bundle bundle, ServiceRegistration<Runnable> registration) {
            got.incrementAndGet();
            return () -> {
            };
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<Runnable> registration, Runnable service) {
            released.incrementAndGet();
        }
    }
}
