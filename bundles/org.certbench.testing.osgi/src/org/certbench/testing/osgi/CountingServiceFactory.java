package org.certbench.testing.osgi;

import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * A service factory that counts the real framework's gets and ungets of its service (a {@link Runnable} doing
 * nothing): the framework calls a factory once per bundle that gets the service and once when that bundle lets it
 * go, so a test sees whether the code under test holds a service, and until when. One home for the workbench's and
 * the shell's tests of their background services.
 */
public final class CountingServiceFactory implements ServiceFactory<Runnable> {

    private final AtomicInteger got = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();

    /** {@return how many times the framework got the service from this factory} */
    public int got() {
        return got.get();
    }

    /** {@return how many times the framework let the service go} */
    public int released() {
        return released.get();
    }

    @Override
    public Runnable getService(Bundle bundle, ServiceRegistration<Runnable> registration) {
        got.incrementAndGet();
        return () -> {
            // a service nobody runs: only its gets and ungets are counted
        };
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Runnable> registration, Runnable service) {
        released.incrementAndGet();
    }
}
