package org.certbench.product.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * What tycho-baseline-plugin does not check: it compares only the packages a bundle still exports, so an API
 * package removed (or made x-internal, or restricted to x-friends) passes it when the Bundle-Version is bumped, and
 * a bundle missing from the baseline is not compared at all. This compares the manifests of the baseline's bundles
 * (releng/baseline/plugins) with the built ones; each broken rule is one sentence naming the bundle and the fix.
 */
final class ApiBaseline {

    /**
     * The API bundles (bundles/*&#47;pde.bnd exporting an API package) new since the baseline was taken: they have no
     * release to be compared with yet. At a release, releng/scripts/make-baseline takes them into the baseline; the
     * check then asks to remove them from here. Bundles being written in parallel are listed ahead of their arrival.
     */
    static final Set<String> NEW_SINCE_BASELINE = Set.of("org.certbench.issuers", "org.certbench.renewal",
            "org.certbench.expiry", "org.certbench.notify", "org.certbench.issuers.acme");

    private static final String WHERE = "releng/baseline/";

    private ApiBaseline() {
    }

    /** The manifests of the baseline's bundles by symbolic name; an error in words when there is no baseline. */
    static Map<String, Manifest> baselineBundles(Path baseline) throws IOException {
        Path plugins = baseline.resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            throw new IOException("the API cannot be compared with its baseline: " + plugins
                    + " does not exist (releng/scripts/make-baseline writes it)");
        }
        Map<String, Manifest> bundles = new TreeMap<>();
        try (Stream<Path> jars = Files.list(plugins)) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                Manifest manifest = BundleLayering.manifestOf(jar);
                bundles.put(BundleLayering.symbolicName(manifest), manifest);
            }
        }
        return bundles;
    }

    /** The built manifests of the bundles that declare their API with bnd (bundles/*&#47;pde.bnd), by symbolic name. */
    static Map<String, Manifest> builtApiBundles(Path repository) throws IOException {
        Map<String, Manifest> bundles = new TreeMap<>();
        try (Stream<Path> modules = Files.list(repository.resolve("bundles"))) {
            for (Path module : modules.filter(module -> Files.exists(module.resolve("pde.bnd"))).sorted().toList()) {
                Manifest manifest = BundleLayering.builtManifest(module);
                bundles.put(BundleLayering.symbolicName(manifest), manifest);
            }
        }
        return bundles;
    }

    /**
     * The exported API packages of a bundle with their versions: every Export-Package entry that is neither
     * x-internal nor x-friends (a package only friends may import is no API a plug-in may rely on).
     */
    static Map<String, String> apiPackages(Manifest manifest) {
        Map<String, String> packages = new LinkedHashMap<>();
        for (String clause : BundleLayering.clauses(manifest.getMainAttributes().getValue("Export-Package"))) {
            String compact = clause.replace(" ", "");
            if (compact.contains("x-internal:=true") || compact.contains("x-friends:=")) {
                continue;
            }
            packages.put(clause.split(";", 2)[0].strip(), attribute(clause, "version", "0.0.0"));
        }
        return packages;
    }

    /**
     * The broken rules of the API as a whole: each baseline bundle compared with its build, each API bundle not in
     * the baseline named unless it is new since it, and each bundle listed as new that the baseline has.
     */
    static List<String> violations(Map<String, Manifest> baseline, Map<String, Manifest> built, Set<String> newSince) {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Manifest> entry : baseline.entrySet()) {
            Manifest now = built.get(entry.getKey());
            if (now == null) {
                violations.add(entry.getKey() + " is in the API baseline (" + WHERE + ") but no longer built with "
                        + "bundles/" + entry.getKey() + "/pde.bnd: removing an API bundle is an incompatible change; "
                        + "at the major release that removes it, run releng/scripts/make-baseline");
            } else {
                violations.addAll(violations(entry.getValue(), now));
            }
        }
        for (Map.Entry<String, Manifest> entry : built.entrySet()) {
            String bundle = entry.getKey();
            boolean exportsApi = !apiPackages(entry.getValue()).isEmpty();
            if (!baseline.containsKey(bundle) && exportsApi && !newSince.contains(bundle)) {
                violations.add(bundle + " exports API " + apiPackages(entry.getValue()).keySet() + " but is not in the "
                        + "API baseline (" + WHERE + "): if it is new since the last release, list it in "
                        + "ApiBaseline.NEW_SINCE_BASELINE; at a release, run releng/scripts/make-baseline");
            }
        }
        for (String bundle : newSince) {
            if (baseline.containsKey(bundle)) {
                violations.add(bundle + " is listed in ApiBaseline.NEW_SINCE_BASELINE but the API baseline (" + WHERE
                        + ") has it: remove it from the list, its API is compared now");
            }
        }
        return violations;
    }

    /**
     * The broken rules of one bundle: each API package of the baseline is still exported as API at a version at least
     * the baseline's, unless the Bundle-Version's major part went up (the one way to withdraw API).
     */
    static List<String> violations(Manifest baseline, Manifest built) {
        String bundle = BundleLayering.symbolicName(built);
        String baselineVersion = baseline.getMainAttributes().getValue("Bundle-Version");
        String builtVersion = built.getMainAttributes().getValue("Bundle-Version");
        boolean majorBump = part(builtVersion, 0) > part(baselineVersion, 0);
        Map<String, String> now = apiPackages(built);
        List<String> violations = new ArrayList<>();
        apiPackages(baseline).forEach((pkg, version) -> {
            String current = now.get(pkg);
            if (current == null && !majorBump) {
                violations.add(bundle + " no longer exports " + pkg + " " + version + " as API (" + how(built, pkg)
                        + "), which the API baseline (" + WHERE + ") has: withdrawing an API package breaks the "
                        + "plug-ins that import it, so it needs a major Bundle-Version bump in bundles/" + bundle
                        + "/pde.bnd (" + release(baselineVersion) + " to " + (part(baselineVersion, 0) + 1) + ".0.0)");
            } else if (current != null && compare(current, version) < 0) {
                violations.add(bundle + " exports " + pkg + " at " + current + ", lower than the API baseline's "
                        + version + " (" + WHERE + "): a package version never goes down");
            }
        });
        return violations;
    }

    /** Why a package is not API in a manifest: not exported, x-internal or for friends only. */
    private static String how(Manifest manifest, String pkg) {
        for (String clause : BundleLayering.clauses(manifest.getMainAttributes().getValue("Export-Package"))) {
            if (clause.split(";", 2)[0].strip().equals(pkg)) {
                String compact = clause.replace(" ", "");
                return compact.contains("x-internal:=true") ? "it is x-internal now"
                        : "it is x-friends:=" + attribute(clause, "x-friends", "") + " now";
            }
        }
        return "it is not exported any more";
    }

    private static String attribute(String clause, String name, String otherwise) {
        for (String part : clause.split(";")) {
            String[] pair = part.split(":?=", 2);
            if (pair.length == 2 && pair[0].strip().equals(name)) {
                return pair[1].strip().replace("\"", "");
            }
        }
        return otherwise;
    }

    private static String release(String version) {
        return part(version, 0) + "." + part(version, 1) + "." + part(version, 2);
    }

    private static int compare(String a, String b) {
        for (int i = 0; i < 3; i++) {
            int difference = Integer.compare(part(a, i), part(b, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int part(String version, int index) {
        String[] parts = version == null ? new String[0] : version.strip().split("\\.");
        return index < parts.length && parts[index].matches("\\d+") ? Integer.parseInt(parts[index]) : 0;
    }
}
