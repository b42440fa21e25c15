package org.certbench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The layering rules of the bundles, read from their manifests: services and plug-ins never depend on the
 * shell application (so they resolve in the workbench and without Gogo), and UI bundles never speak the
 * agents' wire protocol (the connector's API is theirs). Each broken rule is one sentence naming the bundle.
 */
final class BundleLayering {

    private static final String SHELL = "org.certbench.shell";
    private static final String PROTOCOL = "org.certbench.agents.protocol";

    private BundleLayering() {
    }

    /** The manifests of every bundle and fragment under {@code bundles/} and {@code examples/}. */
    static List<Path> manifests(Path repository) throws IOException {
        List<Path> manifests = new ArrayList<>();
        for (String folder : List.of("bundles", "examples")) {
            try (Stream<Path> modules = Files.list(repository.resolve(folder))) {
                modules.map(module -> module.resolve("META-INF/MANIFEST.MF")).filter(Files::isRegularFile)
                        .sorted().forEach(manifests::add);
            }
        }
        return manifests;
    }

    static List<String> violations(Path manifestFile) throws IOException {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        Attributes headers = manifest.getMainAttributes();
        String bundle = symbolicName(headers.getValue("Bundle-SymbolicName"));
        String host = symbolicName(headers.getValue("Fragment-Host"));
        List<String> imports = names(headers.getValue("Import-Package"));
        List<String> required = names(headers.getValue("Require-Bundle"));
        List<String> violations = new ArrayList<>();
        if (!SHELL.equals(bundle) && !SHELL.equals(host)) {
            for (String name : concat(imports, required)) {
                if (name.equals(SHELL) || name.startsWith(SHELL + ".")) {
                    violations.add(bundle + " depends on " + name
                            + ": only the shell application may; throw org.certbench.core.commands.CommandException");
                }
            }
        }
        if (isUi(bundle) || isUi(host)) {
            for (String name : concat(imports, required)) {
                if (name.equals(PROTOCOL) || name.startsWith(PROTOCOL + ".")) {
                    violations.add(bundle + " is a UI bundle and depends on " + name
                            + ": use the types of org.certbench.agents.connector");
                }
            }
        }
        return violations;
    }

    private static boolean isUi(String bundle) {
        return bundle != null && (bundle.endsWith(".ui") || bundle.contains(".ui.") || bundle.equals("org.certbench.app"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String symbolicName(String header) {
        return header == null ? null : header.split(";", 2)[0].strip();
    }

    /** The package or bundle names of a header, without their attributes and directives. */
    static List<String> names(String header) {
        List<String> names = new ArrayList<>();
        if (header == null) {
            return names;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";", 2)[0].strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
