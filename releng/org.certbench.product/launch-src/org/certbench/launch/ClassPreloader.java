package org.certbench.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.adaptor.EclipseStarter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Loads, on a thread of its own, the bundle classes the start that wrote the class-data sharing archive loaded, so
 * that the main thread, which starts the e4 workbench on one core, finds most of them defined: reading a class's
 * bytes from its jar and defining it (which the JVM must do even for an archived class of a bundle: it matches the
 * archived class by those bytes) is about a quarter of the workbench's start, and the machine's other core is idle
 * then. The list is the JVM's class-loading log of that start (the launcher asks for it when it writes the archive):
 * the bundle classes in the order they were loaded, each with the jar or directory it came from.
 *
 * <p>Loading a class never initializes it. It never starts a bundle either: a class is loaded only once its bundle is
 * active (its activation has run on the thread that asked for it, as without preloading) or when its bundle has no
 * lazy activation policy (defining its classes triggers nothing); classes of bundles that are still starting lazily
 * wait until the main thread has started them, and those of bundles this start never activates are not loaded.
 * Everything here is a hint: a list that is missing, damaged, too large or of another product, a class no longer
 * there or a bundle that fails are passed over silently, and the thread gives up after {@link #BOUND_MILLIS}.
 */
final class ClassPreloader implements Runnable {
    /** The JVM's log line of a loaded class: "[0.123s] name source: where". */
    private static final String SOURCE = " source: ";
    private static final long MAX_LIST_BYTES = 8L << 20;
    private static final int MAX_CLASSES = 12_000;
    /** How long the thread waits for the framework and for bundles to become active, from its start. */
    private static final long BOUND_MILLIS = 15_000;
    private static final long POLL_MILLIS = 5;

    private final Path list;

    private ClassPreloader(Path list) {
        this.list = list;
    }

    /**
     * Starts the preloading thread when the system property certbench.preload names a readable list and this JVM
     * does not write its archive (then the list is being written by this very start). certbench.preload.off=true
     * (CERTBENCH_JAVA_OPTS) turns it off, for a class-load log whose order is the main thread's (the start-up
     * benchmark's breakdown).
     */
    static void startIfListed() {
        String named = System.getProperty("certbench.preload");
        if (named == null || named.isBlank() || Boolean.getBoolean("certbench.preload.off")
                || QuietExit.writesArchiveAtExit()) {
            return;
        }
        Thread thread = new Thread(new ClassPreloader(Path.of(named)), "CertBench class preloader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            List<Entry> pending = read(list);
            if (pending.isEmpty()) {
                return;
            }
            long end = System.nanoTime() + BOUND_MILLIS * 1_000_000;
            BundleContext context = awaitFramework(end);
            if (context == null) {
                return;
            }
            preload(context, pending, end);
        } catch (IOException | RuntimeException | LinkageError e) {
            // a hint only: the start goes on as without it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BundleContext awaitFramework(long end) throws InterruptedException {
        BundleContext context;
        while ((context = EclipseStarter.getSystemBundleContext()) == null) {
            if (System.nanoTime() > end) {
                return null;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return context;
    }

    /** Passes over the pending classes in their order until all are loaded or passed over, or the time is up. */
    private static void preload(BundleContext context, List<Entry> pending, long end) throws InterruptedException {
        Map<String, Bundle> bundles = Map.of();
        Map<Bundle, Boolean> lazy = new HashMap<>();
        while (!pending.isEmpty() && System.nanoTime() < end) {
            // once the framework has started, every bundle of the product is installed: what is still unknown is
            // not of this product (the launch jars, a bundle since removed)
            boolean started = EclipseStarter.isRunning();
            boolean refreshed = false;
            boolean loaded = false;
            for (Iterator<Entry> it = pending.iterator(); it.hasNext();) {
                Entry entry = it.next();
                Bundle bundle = bundles.get(entry.source());
                if (bundle == null && !refreshed) {
                    bundles = bundlesBySource(context);
                    refreshed = true;
                    bundle = bundles.get(entry.source());
                }
                if (bundle == null) {
                    if (started) {
                        it.remove();
                    }
                } else if (bundle.getState() == Bundle.UNINSTALLED) {
                    it.remove();
                } else if (mayDefine(bundle, lazy)) {
                    it.remove();
                    load(bundle, entry.name());
                    loaded = true;
                }
            }
            if (!loaded) {
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    /** true when defining a class of the bundle cannot start it: it is active, or resolved with no lazy policy. */
    private static boolean mayDefine(Bundle bundle, Map<Bundle, Boolean> lazy) {
        int state = bundle.getState();
        return state == Bundle.ACTIVE || state == Bundle.RESOLVED && !lazy.computeIfAbsent(bundle, ClassPreloader::isLazy);
    }

    private static boolean isLazy(Bundle bundle) {
        String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
        return policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
    }

    private static void load(Bundle bundle, String name) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) {
            return;
        }
        try {
            Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            // gone since the list was written, or not loadable this way: the main thread finds out on its own
        }
    }

    /** The installed bundles by the last segment of their location; a fragment stands for its host. */
    private static Map<String, Bundle> bundlesBySource(BundleContext context) {
        Map<String, Bundle> bundles = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            String location = bundle.getLocation();
            Bundle owner = host(bundle);
            // the framework's own classes are on the JVM's class path (launch/ holds a jar of the same name)
            if (location != null && owner != null && owner.getBundleId() != 0) {
                bundles.put(lastSegment(location), owner);
            }
        }
        return bundles;
    }

    private static Bundle host(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
            return bundle;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return null; // a fragment not attached yet
        }
        List<BundleWire> hosts = wiring.getRequiredWires(BundleRevision.HOST_NAMESPACE);
        return hosts == null || hosts.isEmpty() ? null : hosts.get(0).getProvider().getBundle();
    }

    /**
     * The bundle classes of the log in their order: lines whose source is a file (the JDK's own classes come from
     * jrt:, archived ones from the archive, lambdas and proxies name a class or no file), at most MAX_CLASSES.
     */
    static List<Entry> read(Path list) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(list) || Files.size(list) > MAX_LIST_BYTES) {
            return entries;
        }
        try (BufferedReader reader = Files.newBufferedReader(list, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = reader.readLine()) != null && entries.size() < MAX_CLASSES) {
                Entry entry = parse(line);
                if (entry != null) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    static Entry parse(String line) {
        int nameStart = line.indexOf("] ");
        int sourceStart = line.indexOf(SOURCE);
        if (nameStart < 0 || sourceStart <= nameStart + 2) {
            return null;
        }
        String name = line.substring(nameStart + 2, sourceStart);
        String source = line.substring(sourceStart + SOURCE.length()).trim();
        if (!source.startsWith("file:") || name.indexOf('/') >= 0 || name.indexOf(' ') >= 0) {
            return null;
        }
        String segment = lastSegment(source);
        return segment.isEmpty() ? null : new Entry(name, segment);
    }

    private static String lastSegment(String location) {
        String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A class and the last segment of the jar or directory it was loaded from. */
    record Entry(String name, String source) {
    }
}
