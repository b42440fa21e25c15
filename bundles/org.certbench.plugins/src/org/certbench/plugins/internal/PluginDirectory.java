package org.certbench.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.certbench.core.AtomicFiles;
import org.certbench.core.AuditLog;
import org.certbench.core.ConfigurationOwners;
import org.certbench.core.StateDirectory;
import org.certbench.plugins.PluginException;
import org.certbench.plugins.PluginInfo;
import org.certbench.plugins.Plugins;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The plug-ins of {@code <home>/plugins/}. At start (immediate component) every jar there is installed and
 * started, and plug-in bundles the directory no longer holds are uninstalled. The launchers give every home a
 * framework storage of its own (bin/framework.sh), so these are the home's own removed plug-ins; a framework
 * started some other way (a development launch sharing one storage between homes) is cleaned the same way. An
 * install is tried in the running framework first — resolved, then uninstalled again — so a plug-in the product
 * cannot satisfy is refused before it is copied.
 */
@Component(service = Plugins.class, immediate = true)
public final class PluginDirectory implements Plugins {

    /** Locations of plug-in bundles: the jar is used where it lies, under a plugins directory. */
    private static final String LOCATION_PREFIX = "reference:file:";
    private static final String TRIAL_LOCATION = "certbench-plugin-trial:";
    /** Plug-ins are read whole into memory to be written safely; a plug-in is a few MiB at most. */
    private static final long MAX_JAR_SIZE = 64L << 20;

    private final BundleContext context;
    private static final String INSTALL = "plugin.install"; //$NON-NLS-1$
    private static final String REMOVE = "plugin.remove"; //$NON-NLS-1$

    private final Path directory;
    /** The headless shell has no SWT: workbench plug-ins in the shared plugins directory wait for the workbench. */
    private final boolean headless;
    /** Why the plug-ins were not loaded at start, or {@code null} when they were. */
    private String refusal;

    @Activate
    public PluginDirectory(BundleContext context) {
        this.context = context;
        this.directory = StateDirectory.area("plugins");
        this.headless = java.util.Arrays.stream(context.getBundles())
                .noneMatch(bundle -> "org.eclipse.swt".equals(bundle.getSymbolicName()));
        startInstalledPlugins();
    }

    @Override
    public synchronized PluginInfo install(Path jar) throws PluginException {
        if (!Files.isRegularFile(jar)) {
            throw new PluginException("no such file: " + jar);
        }
        PluginJar plugin = PluginJar.read(jar);
        for (Bundle bundle : context.getBundles()) {
            if (plugin.symbolicName().equals(bundle.getSymbolicName()) && !isPlugin(bundle)) {
                throw new PluginException(plugin.symbolicName() + " is part of CertBench itself; a plug-in needs a"
                        + " name of its own.");
            }
        }
        if (headless && plugin.workbenchOnly()) {
            throw new PluginException(plugin.symbolicName() + " is a workbench plug-in (it adds to the workbench's"
                    + " windows): install it in the workbench, Settings > Plug-ins. The shell shares the plug-ins of"
                    + " the same home but does not run workbench plug-ins.");
        }
        new RestrictedPackages(context.getBundles(), PluginDirectory::isPlugin).refuseImports(plugin.symbolicName(),
                plugin.importPackage(), plugin.dynamicImportPackage());
        try {
            requireSafe(List.of());
        } catch (IOException e) {
            throw new PluginException("not installed: the plug-ins in " + directory + " would not be loaded: "
                    + e.getMessage(), e);
        }
        tryResolving(jar, plugin);
        Path target = directory.resolve(plugin.symbolicName() + ".jar");
        String installed = plugin.symbolicName() + " " + plugin.version();
        try {
            if (Files.size(jar) > MAX_JAR_SIZE) {
                throw new PluginException(jar + " is larger than " + MAX_JAR_SIZE / (1 << 20)
                        + " MiB; that is no plug-in CertBench installs.");
            }
            // the code root may run: written the one safe way, no link in plugins/ followed
            AtomicFiles.write(target, Files.readAllBytes(jar));
        } catch (IOException e) {
            audit().failed(INSTALL, jar.toString(), null, e.getMessage());
            throw new PluginException("cannot copy " + jar + " to " + directory + ": " + e.getMessage(), e);
        } catch (PluginException e) {
            audit().failed(INSTALL, jar.toString(), null, e.getMessage());
            throw e;
        }
        audit().succeeded(INSTALL, target.toString(), null, installed);
        return new PluginInfo(plugin.symbolicName(), plugin.version(), target.toString(), "from the next start");
    }

    private AuditLog audit() {
        return new AuditLog(directory.toAbsolutePath().getParent().resolve(AuditLog.DIRECTORY), null,
                Clock.systemUTC());
    }

    @Override
    public synchronized List<PluginInfo> list() {
        List<PluginInfo> plugins = new ArrayList<>();
        for (Path jar : jars()) {
            try {
                PluginJar plugin = PluginJar.read(jar);
                plugins.add(new PluginInfo(plugin.symbolicName(), plugin.version(), jar.toString(),
                        headless && plugin.workbenchOnly() ? "workbench only" : state(jar)));
            } catch (PluginException e) {
                plugins.add(new PluginInfo(jar.getFileName().toString(), "-", jar.toString(), e.getMessage()));
            }
        }
        return plugins;
    }

    @Override
    public synchronized PluginInfo remove(String name) throws PluginException {
        for (Path jar : jars()) {
            PluginJar plugin;
            try {
                plugin = PluginJar.read(jar);
            } catch (PluginException e) {
                continue;
            }
            if (plugin.symbolicName().equals(name)) {
                Bundle installed = context.getBundle(location(jar));
                try {
                    if (installed != null) {
                        installed.uninstall();
                    }
                    Files.delete(jar);
                } catch (BundleException | IOException e) {
                    audit().failed(REMOVE, jar.toString(), plugin.symbolicName() + " " + plugin.version(),
                            e.getMessage());
                    throw new PluginException("cannot remove " + name + ": " + e.getMessage(), e);
                }
                audit().succeeded(REMOVE, jar.toString(), plugin.symbolicName() + " " + plugin.version(), null);
                return new PluginInfo(plugin.symbolicName(), plugin.version(), jar.toString(), "removed");
            }
        }
        throw new PluginException("no plug-in is named " + name + " (plugin:list shows the installed ones)");
    }

    /**
     * Installs the jar under a trial location, resolves it, and uninstalls it again whatever happened. Plug-ins
     * installed earlier in this session (they start with the next start) are tried beside it, so that a plug-in
     * and another one built on it can be installed one after the other.
     */
    private void tryResolving(Path jar, PluginJar plugin) throws PluginException {
        Bundle trial;
        try (InputStream in = Files.newInputStream(jar)) {
            trial = context.installBundle(TRIAL_LOCATION + jar.toAbsolutePath(), in);
        } catch (IOException | BundleException e) {
            throw new PluginException(plugin.symbolicName() + " cannot be installed: " + e.getMessage(), e);
        }
        List<Bundle> trials = new ArrayList<>(List.of(trial));
        try {
            trials.addAll(pendingTrials(plugin));
            context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class).resolveBundles(trials);
            if (trial.getState() == Bundle.INSTALLED) {
                String reason = startFailure(trial);
                throw new PluginException(plugin.symbolicName() + " needs what this CertBench does not provide: "
                        + reason);
            }
        } finally {
            for (Bundle installed : trials) {
                try {
                    installed.uninstall();
                } catch (BundleException e) {
                    // the trial bundle goes with the next framework restart at the latest
                }
            }
        }
    }

    /** Trial bundles of the plug-ins in the directory that are not running yet (installed in this session). */
    private List<Bundle> pendingTrials(PluginJar installing) {
        List<Bundle> trials = new ArrayList<>();
        for (Path pending : jars()) {
            if (context.getBundle(location(pending)) != null) {
                continue;
            }
            try {
                PluginJar other = PluginJar.read(pending);
                if (other.symbolicName().equals(installing.symbolicName()) || (headless && other.workbenchOnly())) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(pending)) {
                    trials.add(context.installBundle(TRIAL_LOCATION + pending.toAbsolutePath(), in));
                }
            } catch (PluginException | IOException | BundleException e) {
                // that plug-in says what is wrong with it at the next start; it only cannot help here
            }
        }
        return trials;
    }

    /** Equinox explains an unresolved bundle best when asked to start it: "Unresolved requirement: …". */
    private static String startFailure(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            bundle.stop(Bundle.STOP_TRANSIENT);
            return "it does not resolve";
        } catch (BundleException e) {
            return e.getMessage().replace('\n', ' ').strip();
        }
    }

    private void startInstalledPlugins() {
        List<Path> runnable = jars().stream().filter(jar -> !(headless && isWorkbenchOnly(jar))).toList();
        if (!runnable.isEmpty()) {
            try {
                requireSafe(runnable);
            } catch (IOException e) {
                // loading them would run code another user chose: none is started, and earlier ones are removed
                refusal = "not loaded: " + e.getMessage();
                System.err.println("CertBench: the plug-ins in " + directory + " are " + refusal);
                runnable = List.of();
            }
        }
        List<String> wanted = runnable.stream().map(PluginDirectory::location).toList();
        for (Bundle bundle : context.getBundles()) {
            if ((isPlugin(bundle) && !wanted.contains(bundle.getLocation()))
                    || bundle.getLocation().startsWith(TRIAL_LOCATION)) {
                try {
                    bundle.uninstall();
                } catch (BundleException e) {
                    // a plug-in no longer in the directory: harmless if it stays stopped
                }
            }
        }
        for (Path jar : runnable) {
            // the framework keeps its own copy: a bundle whose jar a plugin:remove of another shell of the home (in a
            // temporary storage of its own) deleted meanwhile would otherwise make the next start fail
            try (InputStream in = Files.newInputStream(jar)) {
                Bundle bundle = context.getBundle(location(jar));
                if (bundle == null) {
                    bundle = context.installBundle(location(jar), in);
                } else {
                    bundle.update(in);
                }
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException | IOException e) {
                System.err.println("CertBench: the plug-in " + jar + " could not be started: " + e.getMessage());
            }
        }
    }

    /**
     * The home, {@code plugins/} and the jars must belong to this user (or root) and be writable by no one else:
     * a plug-in runs as this user, as root where CertBench installs host certificates.
     */
    private void requireSafe(List<Path> jars) throws IOException {
        List<Path> paths = new ArrayList<>();
        paths.add(directory.toAbsolutePath().getParent());
        paths.add(directory.toAbsolutePath());
        paths.addAll(jars);
        ConfigurationOwners.requireSafe(paths);
    }

    private static boolean isWorkbenchOnly(Path jar) {
        try {
            return PluginJar.read(jar).workbenchOnly();
        } catch (PluginException e) {
            return false; // installing it says why it is no plug-in
        }
    }

    private String state(Path jar) {
        if (refusal != null) {
            return refusal;
        }
        Bundle bundle = context.getBundle(location(jar));
        if (bundle == null) {
            return "from the next start";
        }
        return switch (bundle.getState()) {
        case Bundle.ACTIVE, Bundle.STARTING -> "active";
        default -> "installed";
        };
    }

    private List<Path> jars() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isPlugin(Bundle bundle) {
        String location = bundle.getLocation();
        return location.startsWith(LOCATION_PREFIX) && location.contains("/plugins/");
    }

    private static String location(Path jar) {
        return LOCATION_PREFIX + jar.toAbsolutePath().normalize();
    }
}
