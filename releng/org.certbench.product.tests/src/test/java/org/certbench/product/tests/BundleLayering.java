package org.certbench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The layering rules of the bundles, read from the manifests the build made (bnd computes some of them, so the
 * sources may have none): services and plug-ins never depend on the shell application (so they resolve in the
 * workbench and without Gogo), import Gogo and Felix packages only optionally, and UI bundles never speak the
 * agents' wire protocol (the connector's API is theirs), and no bundle imports another's x-internal package or an
 * x-friends package that does not name it. Each broken rule is one sentence naming the bundle.
 */
final class BundleLayering {

    private static final String SHELL = "org.certbench.shell";
    private static final String PROTOCOL = "org.certbench.agents.protocol";
    private static final String FELIX = "org.apache.felix.";
    private static final String OPTIONAL = "resolution:=optional";

    private BundleLayering() {
    }

    /**
     * The bundle modules under {@code bundles/} and {@code examples/}, at any depth (an example may group its
     * bundles): Tycho's pomless bundles, the folders with a build.properties. A project with a build of its own
     * (a Maven wrapper in its folder, like examples/template, which TemplatePluginTest builds and checks) is not
     * this reactor's.
     */
    static List<Path> bundleModules(Path repository) throws IOException {
        List<Path> modules = new ArrayList<>();
        for (String folder : List.of("bundles", "examples")) {
            try (Stream<Path> files = Files.walk(repository.resolve(folder), 4)) {
                files.filter(file -> file.getFileName().toString().equals("build.properties"))
                        .map(Path::getParent).filter(module -> isSourceFolder(repository.relativize(module)))
                        .filter(module -> !hasBuildOfItsOwn(repository.resolve(folder), module))
                        .sorted().forEach(modules::add);
            }
        }
        return modules;
    }

    private static boolean hasBuildOfItsOwn(Path folder, Path module) {
        for (Path directory = module; directory != null && !directory.equals(folder); directory = directory.getParent()) {
            if (Files.exists(directory.resolve("mvnw"))) {
                return true;
            }
        }
        return false;
    }

    /** Not inside a module's build output or sources (a test's resources may hold a build.properties). */
    private static boolean isSourceFolder(Path relative) {
        for (Path segment : relative) {
            if (segment.toString().equals("target") || segment.toString().equals("src")) {
                return false;
            }
        }
        return true;
    }

    /** The manifest the build made for a module: the one in its target/*.jar; an error in words when there is none. */
    static Manifest builtManifest(Path module) throws IOException {
        Path target = module.resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                        .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                        .forEach(jars::add);
            }
        }
        if (jars.size() != 1) {
            throw new IOException("the layering of " + module.getFileName() + " cannot be checked: expected its built "
                    + "bundle, one jar in " + target + ", found " + jars + " (build the module first)");
        }
        return manifestOf(jars.get(0));
    }

    /** CertBench's bundles in a product's plugins folder; an error in words when the product is not built. */
    static List<Path> productBundles(Path product) throws IOException {
        Path plugins = product.resolve("plugins");
        if (!Files.isDirectory(plugins)) {
            throw new IOException("the layering of the product cannot be checked: " + plugins
                    + " does not exist (build releng/org.certbench.product first)");
        }
        try (Stream<Path> files = Files.list(plugins)) {
            return files.filter(file -> file.getFileName().toString().startsWith("org.certbench.")).sorted().toList();
        }
    }

    /** A bundle's manifest, packed or as a folder. */
    static Manifest manifestOf(Path bundle) throws IOException {
        if (Files.isDirectory(bundle)) {
            return read(bundle.resolve("META-INF/MANIFEST.MF"));
        }
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Manifest manifest = jar.getManifest();
            if (manifest == null || symbolicName(manifest.getMainAttributes().getValue("Bundle-SymbolicName")) == null) {
                throw new IOException(bundle + " has no bundle manifest (no Bundle-SymbolicName)");
            }
            return manifest;
        }
    }

    static Manifest read(Path manifestFile) throws IOException {
        try (InputStream in = Files.newInputStream(manifestFile)) {
            return new Manifest(in);
        }
    }

    static String symbolicName(Manifest manifest) {
        return symbolicName(manifest.getMainAttributes().getValue("Bundle-SymbolicName"));
    }

    static List<String> violations(Manifest manifest) {
        Attributes headers = manifest.getMainAttributes();
        String bundle = symbolicName(headers.getValue("Bundle-SymbolicName"));
        String host = symbolicName(headers.getValue("Fragment-Host"));
        List<String> imports = clauses(headers.getValue("Import-Package"));
        List<String> dependencies = new ArrayList<>(imports);
        dependencies.addAll(clauses(headers.getValue("DynamicImport-Package")));
        dependencies.addAll(clauses(headers.getValue("Require-Bundle")));
        List<String> violations = new ArrayList<>();
        boolean shell = SHELL.equals(bundle) || SHELL.equals(host);
        if (!shell) {
            for (String name : dependencies.stream().map(BundleLayering::name).toList()) {
                if (name.equals(SHELL) || name.startsWith(SHELL + ".")) {
                    violations.add(bundle + " depends on " + name
                            + ": only the shell application may; throw org.certbench.core.commands.CommandException");
                }
            }
        }
        // test bundles run where Gogo is; what ships must resolve without it
        if (!shell && !isTest(bundle)) {
            for (String clause : imports) {
                if (name(clause).startsWith(FELIX) && !clause.replace(" ", "").contains(OPTIONAL)) {
                    violations.add(bundle + " imports " + name(clause) + " without resolution:=optional: outside the "
                            + "shell, Gogo and Felix are optional, so that the bundle also works without them");
                }
            }
        }
        if (isUi(bundle) || isUi(host)) {
            for (String name : dependencies.stream().map(BundleLayering::name).toList()) {
                if (name.equals(PROTOCOL) || name.startsWith(PROTOCOL + ".")) {
                    violations.add(bundle + " is a UI bundle and depends on " + name
                            + ": use the types of org.certbench.agents.connector");
                }
            }
        }
        return violations;
    }

    /**
     * Imports of another bundle's restricted packages: x-internal ones (for no other bundle; a fragment shares its
     * host's) and x-friends ones by a bundle the exporter does not name. Equinox resolves them all the same, so only
     * this check keeps a bundle from growing into another's internals.
     */
    static List<String> restrictedImports(Collection<Manifest> manifests) {
        Map<String, String> exporters = new HashMap<>();
        Map<String, List<String>> friends = new HashMap<>();
        for (Manifest manifest : manifests) {
            for (String clause : clauses(manifest.getMainAttributes().getValue("Export-Package"))) {
                String compact = clause.replace(" ", "");
                String friendList = directive(compact, "x-friends");
                if (compact.contains("x-internal:=true") || friendList != null) {
                    exporters.put(name(clause), symbolicName(manifest));
                    friends.put(name(clause), friendList == null ? List.of() : List.of(friendList.split(",")));
                }
            }
        }
        List<String> violations = new ArrayList<>();
        for (Manifest manifest : manifests) {
            Attributes headers = manifest.getMainAttributes();
            String bundle = symbolicName(manifest);
            String host = symbolicName(headers.getValue("Fragment-Host"));
            List<String> imports = new ArrayList<>(names(headers.getValue("Import-Package")));
            imports.addAll(names(headers.getValue("DynamicImport-Package")));
            for (String pkg : imports) {
                String exporter = exporters.get(pkg);
                if (exporter == null || exporter.equals(bundle) || exporter.equals(host)
                        || friends.get(pkg).contains(bundle) || (host != null && friends.get(pkg).contains(host))) {
                    continue;
                }
                violations.add(bundle + " imports " + pkg + ", which " + exporter + (friends.get(pkg).isEmpty()
                        ? " keeps internal (x-internal)" : " exports only to " + String.join(", ", friends.get(pkg))
                                + " (x-friends)")
                        + ": use its API, or name " + bundle + " in the package's x-friends in " + exporter
                        + "'s manifest");
            }
        }
        return violations;
    }

    private static String directive(String compactClause, String name) {
        for (String part : compactClause.split(";")) {
            if (part.startsWith(name + ":=")) {
                return part.substring(name.length() + 2).replace("\"", "");
            }
        }
        return null;
    }

    private static boolean isTest(String bundle) {
        return bundle != null && bundle.endsWith(".tests");
    }

    private static boolean isUi(String bundle) {
        return bundle != null && (bundle.endsWith(".ui") || bundle.contains(".ui.") || bundle.equals("org.certbench.app"));
    }

    private static String symbolicName(String header) {
        return header == null ? null : header.split(";", 2)[0].strip();
    }

    private static String name(String clause) {
        return clause.split(";", 2)[0].strip();
    }

    /** The package or bundle names of a header, without their attributes and directives. */
    static List<String> names(String header) {
        return clauses(header).stream().map(BundleLayering::name).toList();
    }

    /** The clauses of a header, each with its attributes and directives. */
    static List<String> clauses(String header) {
        List<String> clauses = new ArrayList<>();
        if (header == null) {
            return clauses;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                if (!name(clause.toString()).isEmpty()) {
                    clauses.add(clause.toString().strip());
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return clauses;
    }
}
