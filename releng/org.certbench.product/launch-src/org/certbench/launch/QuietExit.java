package org.certbench.launch;

import java.util.Map;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * Lets the JVM write its class-data sharing archive only when no other thread of the product runs. The JDK (25.0.3)
 * writes the archive at exit while the other threads are paused, and leaves its table of archived lambda classes
 * pointing into the memory it wrote from and then released: a thread that links a lambda of a JDK class in the
 * moments between the writing and the JVM's end reads that memory and the JVM dies (SIGSEGV in
 * LambdaProxyClassDictionary::find_lambda_proxy_class; seen when a workbench closed while its renewal job started).
 * The wait is a shutdown hook, so that it also holds when the JVM ends on a signal (a window closed by its session,
 * a test's destroy()); on a signal it first stops the framework, as the application's own end does, so that no Job
 * or timer of a bundle starts work after the writing (Equinox itself stops nothing on a signal). Runs that map an
 * archive write none and get no hook.
 */
final class QuietExit {
    /**
     * How long an exit that writes the archive waits for the framework to stop and the product's threads to pause;
     * beyond it, the exit goes on.
     */
    private static final long BOUND_MILLIS = 5_000;
    private static final long POLL_MILLIS = 10;

    private QuietExit() {
    }

    /** When this JVM writes its archive at exit: makes its exit wait until no other thread of the product runs. */
    static void install() {
        if (writesArchiveAtExit()) {
            Runtime.getRuntime().addShutdownHook(new Thread(QuietExit::awaitQuiet, "CertBench quiet exit"));
        }
    }

    private static void awaitQuiet() {
        long end = System.nanoTime() + BOUND_MILLIS * 1_000_000;
        if (EclipseStarter.isRunning()) {
            stopFramework(end);
        }
        // twice in a row: a thread seen waiting may just have been handed work
        int quietChecks = 0;
        while (quietChecks < 2 && System.nanoTime() < end) {
            quietChecks = othersRunning() ? 0 : quietChecks + 1;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops the framework, not the application: the workbench's application stops only on its UI thread, which a
     * signal leaves in its event loop; the framework's stop runs in a thread of its own and logs a bundle that fails.
     */
    private static void stopFramework(long end) {
        BundleContext context = EclipseStarter.getSystemBundleContext();
        if (context == null || !(context.getBundle() instanceof Framework framework)) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(Math.max(1, (end - System.nanoTime()) / 1_000_000));
        } catch (BundleException e) {
            // stopping already, or no longer running: nothing left to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** true when the JVM will write a class-data sharing archive at exit (the manifest exports jdk.internal.misc). */
    static boolean writesArchiveAtExit() {
        try {
            return (Boolean) Class.forName("jdk.internal.misc.CDS").getMethod("isDumpingArchive").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a JDK that tells: assume it writes, waiting costs at most the bound
            return true;
        }
    }

    private static boolean othersRunning() {
        Thread self = Thread.currentThread();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            StackTraceElement[] stack = entry.getValue();
            // a thread in native code (the SWT event loop's poll, a read) must come back to Java to link anything
            if (thread != self && !isJdkThread(thread) && thread.getState() == Thread.State.RUNNABLE
                    && stack.length > 0 && !stack[0].isNativeMethod()) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's own threads (reference handling, signals, cleaners) are in the system thread group or beside main. */
    private static boolean isJdkThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        if (group == null) {
            return true; // ended meanwhile
        }
        ThreadGroup parent = group.getParent();
        return parent == null || parent.getParent() == null && !"main".equals(group.getName());
    }
}
