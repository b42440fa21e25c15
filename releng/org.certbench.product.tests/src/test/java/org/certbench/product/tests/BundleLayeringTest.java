package org.certbench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's layering check: it reads the manifest of every bundle the build made (each module's jar and the
 * CertBench bundles of both products) and fails on a dependency the design forbids, or on a bundle it cannot
 * read. It runs in every {@code ./test}, after the products are built.
 */
class BundleLayeringTest {

    @Test
    void noBuiltBundleBreaksTheLayering() throws IOException {
        List<Path> modules = BundleLayering.bundleModules(Products.REPOSITORY);
        Set<String> violations = new TreeSet<>();
        List<String> checked = new ArrayList<>();
        List<Manifest> built = new ArrayList<>();
        for (Path module : modules) {
            Manifest manifest = BundleLayering.builtManifest(module);
            violations.addAll(BundleLayering.violations(manifest));
            checked.add(BundleLayering.symbolicName(manifest));
            built.add(manifest);
        }
        violations.addAll(BundleLayering.restrictedImports(built));
        for (Path product : List.of(Products.WORKBENCH, Products.SHELL)) {
            List<Path> bundles = BundleLayering.productBundles(product);
            List<String> names = new ArrayList<>();
            for (Path bundle : bundles) {
                Manifest manifest = BundleLayering.manifestOf(bundle);
                violations.addAll(BundleLayering.violations(manifest));
                names.add(BundleLayering.symbolicName(manifest));
            }
            assertTrue(names.containsAll(List.of("org.certbench.core", "org.certbench.host", "org.certbench.shell")),
                    "CertBench's bundles of " + product + ": " + names);
            assertTrue(checked.containsAll(names), "every bundle of " + product + " is a module: " + names);
        }

        // pomless bundles: the folder is the symbolic name, so each module's own jar was read
        assertEquals(modules.stream().map(module -> module.getFileName().toString()).toList(), checked);
        assertEquals(Set.of(), violations);
    }

    @Test
    void aModuleThatWasNotBuiltFailsTheCheckInWords(@TempDir Path repository) throws IOException {
        Path module = Files.createDirectories(repository.resolve("examples/template/com.example.plugin"));
        Files.writeString(module.resolve("build.properties"), "bin.includes = META-INF/\n");
        Files.createDirectories(repository.resolve("bundles"));

        assertEquals(List.of(module), BundleLayering.bundleModules(repository));
        IOException failure = assertThrows(IOException.class, () -> BundleLayering.builtManifest(module));
        assertEquals("the layering of com.example.plugin cannot be checked: expected its built bundle, one jar in "
                + module.resolve("target") + ", found [] (build the module first)", failure.getMessage());
    }

    @Test
    void aProductThatWasNotBuiltFailsTheCheckInWords(@TempDir Path product) {
        IOException failure = assertThrows(IOException.class, () -> BundleLayering.productBundles(product));
        assertEquals("the layering of the product cannot be checked: " + product.resolve("plugins")
                + " does not exist (build releng/org.certbench.product first)", failure.getMessage());
    }

    @Test
    void aJarWithoutABundleManifestFailsTheCheckInWords(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("a.txt"));
        }

        IOException failure = assertThrows(IOException.class, () -> BundleLayering.manifestOf(jar));
        assertEquals(jar + " has no bundle manifest (no Bundle-SymbolicName)", failure.getMessage());
    }

    @Test
    void aServiceThatImportsGogoWithoutOptionalIsNamed() {
        Manifest manifest = TestManifest.bundle("com.example.haproxy").imports(
                "org.apache.felix.service.command;version=\"[1.0.0,2.0.0)\"",
                "org.apache.felix.scr.info; resolution:=optional").build();

        assertEquals(List.of("com.example.haproxy imports org.apache.felix.service.command without "
                + "resolution:=optional: outside the shell, Gogo and Felix are optional, so that the bundle also "
                + "works without them"), BundleLayering.violations(manifest));
    }

    @Test
    void theShellAndTestBundlesMayImportGogo() {
        assertEquals(List.of(), BundleLayering.violations(TestManifest.bundle("org.certbench.shell")
                .imports("org.apache.felix.gogo.runtime").build()));
        assertEquals(List.of(), BundleLayering.violations(TestManifest.bundle("org.certbench.host.tests")
                .fragmentOf("org.certbench.host").imports("org.apache.felix.gogo.runtime").build()));
    }

    @Test
    void aDynamicImportOfTheShellIsNamed() {
        Manifest manifest = TestManifest.bundle("com.example.plugin")
                .with("DynamicImport-Package", "org.certbench.shell.*").build();

        assertEquals(List.of("com.example.plugin depends on org.certbench.shell.*: only the shell application may; "
                + "throw org.certbench.core.commands.CommandException"), BundleLayering.violations(manifest));
    }

    @Test
    void aServiceThatImportsTheShellIsNamed() {
        Manifest manifest = TestManifest.bundle("org.certbench.host").imports(
                "org.certbench.core;version=\"[0.1.0,0.2.0)\"", "org.certbench.shell;version=\"[0.1.0,0.2.0)\"").build();

        assertEquals(List.of("org.certbench.host depends on org.certbench.shell: only the shell application may; "
                + "throw org.certbench.core.commands.CommandException"), BundleLayering.violations(manifest));
    }

    @Test
    void aPlugInThatRequiresTheShellBundleIsNamed() {
        Manifest manifest = TestManifest.bundle("com.example.plugin;singleton:=true")
                .with("Require-Bundle", "org.certbench.shell;bundle-version=\"0.1.0\"").build();

        assertEquals(1, BundleLayering.violations(manifest).size());
    }

    @Test
    void theShellAndItsTestFragmentMayUseTheShell() {
        Manifest fragment = TestManifest.bundle("org.certbench.shell.tests").fragmentOf("org.certbench.shell")
                .imports("org.certbench.shell.internal").build();

        assertEquals(List.of(), BundleLayering.violations(fragment));
    }

    @Test
    void aUiBundleThatImportsTheProtocolIsNamed() {
        Manifest manifest = TestManifest.bundle("org.certbench.agents.ui;singleton:=true").imports(
                "org.certbench.agents.connector;version=\"[0.1.0,0.2.0)\"",
                "org.certbench.agents.protocol;version=\"[0.1.0,0.2.0)\"").build();

        assertEquals(List.of("org.certbench.agents.ui is a UI bundle and depends on org.certbench.agents.protocol: "
                + "use the types of org.certbench.agents.connector"), BundleLayering.violations(manifest));
    }

    @Test
    void theConnectorMaySpeakTheProtocol() {
        Manifest manifest = TestManifest.bundle("org.certbench.agents.connector")
                .imports("org.certbench.agents.protocol;version=\"[0.1.0,0.2.0)\"").build();

        assertEquals(List.of(), BundleLayering.violations(manifest));
    }

    @Test
    void anImportOfAnotherBundlesInternalPackageIsNamed() {
        Manifest host = TestManifest.bundle("org.certbench.host").exports("org.certbench.host;version=\"1.0.0\"",
                "org.certbench.host.internal;version=\"0.1.0\";x-internal:=true").build();
        Manifest fragment = TestManifest.bundle("org.certbench.host.tests").fragmentOf("org.certbench.host")
                .imports("org.certbench.host.internal").build();
        Manifest truststore = TestManifest.bundle("org.certbench.truststore")
                .imports("org.certbench.host", "org.certbench.host.internal;version=\"[0.1,0.2)\"").build();

        assertEquals(List.of("org.certbench.truststore imports org.certbench.host.internal, which org.certbench.host "
                + "keeps internal (x-internal): use its API, or name org.certbench.truststore in the package's x-friends "
                + "in org.certbench.host's manifest"), BundleLayering.restrictedImports(List.of(host, fragment, truststore)));
    }

    @Test
    void anImportOfAFriendsOnlyPackageIsNamedUnlessByAFriend() {
        Manifest protocol = TestManifest.bundle("org.certbench.agents.protocol").exports(
                "org.certbench.agents.protocol;version=\"1.0.0\";x-friends:=\"org.certbench.agents.connector\"").build();
        Manifest connector = TestManifest.bundle("org.certbench.agents.connector")
                .imports("org.certbench.agents.protocol;version=\"[1.0,2)\"").build();
        Manifest plugin = TestManifest.bundle("com.example.plugin")
                .with("DynamicImport-Package", "org.certbench.agents.protocol").build();

        assertEquals(List.of("com.example.plugin imports org.certbench.agents.protocol, which "
                + "org.certbench.agents.protocol exports only to org.certbench.agents.connector (x-friends): use its API, "
                + "or name com.example.plugin in the package's x-friends in org.certbench.agents.protocol's manifest"),
                BundleLayering.restrictedImports(List.of(protocol, connector, plugin)));
    }

    @Test
    void versionRangesWithCommasAreOneClause() {
        assertEquals(List.of("a.b", "c.d"),
                BundleLayering.names("a.b;version=\"[0.1.0,0.2.0)\";resolution:=optional,\n c.d"));
    }
}
